// The product side panel's content: the form, then (once the product exists) its pictures and deactivation.
// The form stays mounted when a new product is created, so the panel turns into the product's edit panel in place.
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DataState } from "../../components/data-state.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import type { TProduct } from "../../components/counters/counters-api.ts";
import { ActionError } from "../../components/counters/counter-bits.tsx";
import { ProductForm } from "./product-form.tsx";
import { ProductImages } from "./product-images.tsx";
import { useT } from "../../i18n/use-t.ts";

interface Props {
  merchantId: string;
  productId: string | null;
  onCreated: (productId: string) => void;
}

export function ProductPanelBody({ merchantId, productId, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const product = useQuery(trpc.catalog.products.get.queryOptions(productId ? { merchantId, productId } : skipToken));
  if (productId && !product.data) return <DataState query={product}>{() => null}</DataState>;

  const onSaved = (p: TProduct) => {
    queryClient.setQueryData(trpc.catalog.products.get.queryKey({ merchantId, productId: p.id }), p);
    void queryClient.invalidateQueries(trpc.catalog.products.list.pathFilter());
    if (!productId) onCreated(p.id);
  };

  return (
    <>
      <ProductForm merchantId={merchantId} product={product.data ?? null} onSaved={onSaved} />
      {product.data ? <ProductImages merchantId={merchantId} product={product.data} /> : null}
      {product.data?.active ? <Deactivate merchantId={merchantId} product={product.data} /> : null}
    </>
  );
}

function Deactivate({ merchantId, product }: { merchantId: string; product: TProduct }) {
  const t = useT("common");
  const tp = useT("merchant");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deactivate = useMutation(
    trpc.catalog.products.deactivate.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.catalog.products.pathFilter()),
    }),
  );
  return (
    <section className="form-section">
      <h3 className="subheading">{tp("products.deactivateTitle")}</h3>
      <p className="muted small">{tp("products.deactivateHint")}</p>
      <ActionError error={deactivate.error} />
      <button
        type="button"
        className="btn btn-danger-ghost"
        disabled={deactivate.isPending}
        onClick={() => deactivate.mutate({ merchantId, productId: product.id })}
        data-testid="product-deactivate"
      >
        {deactivate.isPending ? t("common.saving") : tp("products.deactivate")}
      </button>
    </section>
  );
}
