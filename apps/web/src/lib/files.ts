// Reading a picked file for JSON transport (an import's upload, a product image).

/** The base64 payload of a data: URL ("data:text/csv;base64,AAAA" → "AAAA"). */
export function dataUrlPayload(dataUrl: string): string {
  const comma = dataUrl.indexOf(",");
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
}

/** Reads a picked file as base64 (no data: prefix), for JSON transport. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(dataUrlPayload(typeof reader.result === "string" ? reader.result : ""));
    reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
    reader.readAsDataURL(file);
  });
}
