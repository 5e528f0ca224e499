// 车辆条码: one barcode per vehicle of the county (Code 128 of its unified number, with the plate beside it) on a sheet
// to print and stick in the cab. In the station console's LOAD mode, scanning it chooses the vehicle (issue #17 defect 4).
// Drawn in the browser like a load's barcode; the list is the fleet page's, so the county scope is the server's.
import type { TVehicle } from "../../../lib/network-api.ts";
import { LoadBarcode } from "../loads/load-bits.tsx";
import "./vehicle-barcodes.css";
import { useT } from "../../../i18n/use-t.ts";

export function VehicleBarcodes({ vehicles, onClose }: { vehicles: readonly TVehicle[]; onClose: () => void }) {
  const t = useT("network");
  const active = vehicles.filter((v) => v.status === "ACTIVE");
  return (
    <section className="card vehicle-barcodes" data-testid="vehicle-barcodes">
      <div className="card-head no-print">
        <h2 className="card-title">{t("fleet.barcodesTitle")}</h2>
        <span className="vehicle-barcodes-actions">
          <button type="button" className="btn btn-primary" onClick={() => window.print()} data-testid="vehicle-barcodes-print">
            {t("fleet.barcodesPrint")}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t("fleet.barcodesClose")}
          </button>
        </span>
      </div>
      <p className="muted small no-print">{t("fleet.barcodesLead")}</p>
      <div className="vehicle-barcodes-grid">
        {active.map((v) => (
          <div key={v.id} className="vehicle-barcode" data-testid="vehicle-barcode" data-number={v.number}>
            <LoadBarcode code={v.number} />
            <div className="vehicle-barcode-plate">{v.plate}</div>
            <div className="muted small">{v.homeNodeName}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
