// Camera scanning, loaded only when the button is pressed: the camera stream is read frame by frame with zxing-wasm,
// whose .wasm ships with the app (Vite asset URL), never from a CDN. Without a camera it says so and stays harmless.
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";
import { useEffect, useRef, useState } from "react";
import { useT } from "../../../i18n/use-t.ts";

let prepared = false;
function prepare(): void {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? wasmUrl : prefix + path) },
    fireImmediately: false,
  });
}

export default function CameraScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const t = useT("scan");
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: number | undefined;
    const last = { code: "", at: 0 };
    const canvas = document.createElement("canvas");

    const tick = async () => {
      const video = videoRef.current;
      if (stopped || !video) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const g = canvas.getContext("2d", { willReadFrequently: true });
        if (g) {
          g.drawImage(video, 0, 0);
          try {
            const found = await readBarcodes(g.getImageData(0, 0, canvas.width, canvas.height), { tryHarder: true, maxNumberOfSymbols: 1 });
            const text = found.find((r) => r.isValid)?.text.trim();
            const now = Date.now();
            // The same code held in front of the camera counts once every 2 s.
            if (text && (text !== last.code || now - last.at > 2000)) {
              last.code = text;
              last.at = now;
              onCodeRef.current(text);
            }
          } catch (e) {
            setError(t("cameraUnavailable", { reason: e instanceof Error ? e.message : String(e) }));
            return;
          }
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), 150);
    };

    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setError(t("cameraNone"));
        return;
      }
      try {
        prepare();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped) return;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = stream;
        await video.play();
        setReady(true);
        void tick();
      } catch (e) {
        const name = e instanceof DOMException ? e.name : "";
        setError(
          name === "NotFoundError" || name === "OverconstrainedError"
            ? t("cameraNone")
            : t("cameraUnavailable", { reason: e instanceof Error ? e.message : String(e) }),
        );
      }
    })();

    return () => {
      stopped = true;
      if (timer !== undefined) window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  return (
    <div className="scan-camera" data-testid="scan-camera">
      {error ? (
        <p className="scan-camera-error" role="alert" data-testid="scan-camera-error">
          {error}
        </p>
      ) : (
        !ready && <p className="muted">{t("cameraLoading")}</p>
      )}
      <video ref={videoRef} className="scan-camera-video" muted playsInline hidden={!!error} />
      <button type="button" className="btn" onClick={onClose} data-testid="scan-camera-close">
        {t("cameraClose")}
      </button>
    </div>
  );
}
