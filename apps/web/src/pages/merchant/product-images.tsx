// A product's pictures: thumbnails from the URLs the API returns, upload (type and size checked here first, the server
// reads the bytes and answers under the file field) and removal.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import type { TProduct } from "../../components/counters/counters-api.ts";
import { IMAGE_TYPES, imageProblem, MAX_IMAGE_BYTES } from "../../components/counters/counters-format.ts";
import { readFileAsBase64 } from "../../lib/files.ts";
import { useT } from "../../i18n/use-t.ts";

/** The server's message for the picture, whichever path it names (image, contentBase64), else its whole message. */
function uploadError(error: unknown): string | null {
  if (!error) return null;
  const e = readApiError(error);
  return e.fieldErrors.image ?? e.fieldErrors.contentBase64 ?? e.fieldErrors.productId ?? e.formErrors[0] ?? e.message;
}

export function ProductImages({ merchantId, product }: { merchantId: string; product: TProduct }) {
  const t = useT("common");
  const tp = useT("merchant");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [clientError, setClientError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries(trpc.catalog.products.pathFilter());
  const add = useMutation(trpc.catalog.products.addImage.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.catalog.products.removeImage.mutationOptions({ onSuccess: refresh }));

  async function onPick(file: File | undefined) {
    setClientError(null);
    add.reset();
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) {
      setClientError(
        problem === "type"
          ? tp("images.badType")
          : problem === "size"
            ? tp("images.tooBig", { mb: MAX_IMAGE_BYTES / 1024 / 1024 })
            : tp("images.empty"),
      );
      setInputKey((k) => k + 1);
      return;
    }
    try {
      const contentBase64 = await readFileAsBase64(file);
      add.mutate({ merchantId, productId: product.id, contentBase64, contentType: file.type, fileName: file.name });
    } catch (e) {
      setClientError(tp("images.readFailed", { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setInputKey((k) => k + 1);
    }
  }

  const error = clientError ?? uploadError(add.error);
  return (
    <section className="form-section" data-testid="product-images">
      <h3 className="subheading">{tp("images.title")}</h3>
      {product.images.length === 0 ? <p className="muted small">{tp("images.none")}</p> : null}
      <ul className="thumb-grid">
        {product.images.map((img) => (
          <li key={img.id} className="thumb-item" data-testid="product-image">
            <a href={img.url} target="_blank" rel="noreferrer">
              <img className="thumb" src={img.url} alt={product.name} loading="lazy" width={96} height={96} />
            </a>
            <span className="muted small">
              {img.width}×{img.height}
            </span>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ merchantId, imageId: img.id })}
              data-testid="product-image-remove"
            >
              {t("common.remove")}
            </button>
          </li>
        ))}
      </ul>
      <div className={`field${error ? " field-invalid" : ""}`}>
        <label className="btn file-pick">
          <input
            key={inputKey}
            type="file"
            className="file-input"
            accept={IMAGE_TYPES.join(",")}
            disabled={add.isPending}
            onChange={(e) => void onPick(e.target.files?.[0])}
            data-testid="product-image-file"
          />
          {add.isPending ? tp("images.uploading") : tp("images.add")}
        </label>
        <p className="field-hint">{tp("images.hint", { mb: MAX_IMAGE_BYTES / 1024 / 1024 })}</p>
        {error ? (
          <p className="field-error" role="alert" data-testid="product-image-error">
            {error}
          </p>
        ) : null}
        {remove.error ? <p className="field-error">{readApiError(remove.error).message}</p> : null}
      </div>
    </section>
  );
}
