// Phone numbers as the SMS records keep them, and the replies that ask for no more messages (回复TD退订).

/// A mobile number without spaces, dashes or the +86 / 86 prefix: how the opt-out list and the per-phone limits key it.
export const smsPhoneKey = (phone: string) => phone.replace(/[\s-]/g, "").replace(/^(\+?86|0086)(1\d{10})$/, "$2");

/// The words a recipient replies to stop messages: TD, T, N, 退订, 取消, 退订短信, STOP, unsubscribe (any case, spaces
/// and punctuation around them ignored).
const OPT_OUT = new Set(["TD", "T", "N", "退订", "取消", "退订短信", "取消短信", "STOP", "UNSUBSCRIBE"]);
export const isOptOutReply = (text: string) =>
  OPT_OUT.has(
    text
      .trim()
      .replace(/[\s。.!！]+/g, "")
      .toUpperCase(),
  );
