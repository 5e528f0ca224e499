// Whether a listing may be (or stay) live: the merchant's poverty-alleviation recognition and every
// certification of the product must be valid on the given Asia/Shanghai day. Pure, no I/O.
import { issueAt, type FieldIssue } from "@xiangda/domain";
import { dateColumn } from "./days.ts";

export interface RecognitionInput {
  recognitionNo: string | null;
  recognitionValidUntil: Date | null;
}
export interface CertificationInput {
  kind: string;
  number: string;
  validUntil: Date;
}

export interface Validity {
  valid: boolean;
  recognition: { number: string | null; validUntil: string | null; valid: boolean };
  certifications: { kind: string; number: string; validUntil: string; valid: boolean }[];
  /// One issue per thing that is missing or expired, with the field it belongs to.
  issues: FieldIssue[];
}

export function checkValidity(merchant: RecognitionInput, certs: readonly CertificationInput[], today: string): Validity {
  const issues: FieldIssue[] = [];
  const until = dateColumn(merchant.recognitionValidUntil);
  const recValid = !!merchant.recognitionNo && !!until && until >= today;
  if (!merchant.recognitionNo || !until)
    issues.push(issueAt("recognitionNo", "NO_RECOGNITION_VALIDITY"));
  else if (!recValid) issues.push(issueAt("recognitionValidUntil", "RECOGNITION_EXPIRED_ON", { number: merchant.recognitionNo, date: until }));
  const certifications = [...certs]
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((c) => {
      const validUntil = dateColumn(c.validUntil)!;
      const valid = validUntil >= today;
      if (!valid)
        issues.push(issueAt(`certifications.${c.kind}`, "CERTIFICATION_EXPIRED", { certKind: c.kind, number: c.number, date: validUntil }));
      return { kind: c.kind, number: c.number, validUntil, valid };
    });
  return {
    valid: issues.length === 0,
    recognition: { number: merchant.recognitionNo, validUntil: until, valid: recValid },
    certifications,
    issues,
  };
}
