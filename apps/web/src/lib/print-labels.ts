// Opens the labels PDF of the numbers the caller may print (ours or the carrier's) and says which were refused.
// The tab is opened inside the click (so no pop-up blocker stops it) and pointed at the PDF once /labels/check has
// answered; nothing printable closes it again, and the refused numbers are reported in the page, never as JSON.
export type TLabelSize = "100x150" | "76x130";
export type TPrintLabelsResult = { printed: string[]; refused: string[] };

type TCheck = { printable: Array<{ requested: string; waybillNo: string }>; refused: Array<{ requested: string; reason: string }> };

export function labelsUrl(waybills: string[], size: TLabelSize) {
  return `/labels.pdf?waybills=${waybills.map(encodeURIComponent).join(",")}&size=${size}`;
}

export async function printLabels(waybills: string[], size: TLabelSize): Promise<TPrintLabelsResult> {
  const tab = window.open("about:blank", "_blank");
  try {
    const res = await fetch(`/labels/check?waybills=${waybills.map(encodeURIComponent).join(",")}`, { credentials: "same-origin" });
    if (!res.ok) throw new Error(`labels check ${res.status}`);
    const body = (await res.json()) as TCheck;
    const printed = [...new Set(body.printable.map((p) => p.waybillNo))];
    if (printed.length > 0 && tab) {
      tab.opener = null;
      tab.location.href = labelsUrl(printed, size);
    } else tab?.close();
    return { printed, refused: body.refused.map((r) => r.requested) };
  } catch (e) {
    tab?.close();
    throw e;
  }
}
