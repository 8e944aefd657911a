import { SafeHtml } from './html';

/** The page's whole style, inline: no assets to serve, nothing to build. */
export const dashboardStyle = new SafeHtml(
  `
*{box-sizing:border-box}
body{margin:0;padding:20px 28px;background:#f4f6fa;color:#1c2433;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header{display:flex;align-items:baseline;justify-content:space-between;margin-bottom:14px}
h1{font-size:20px;margin:0}
h2{font-size:15px;margin:0 0 10px}
header p{margin:0;color:#5b6577}
.kpis{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:14px}
.kpi,.card{background:#fff;border:1px solid #e1e5ee;border-radius:8px}
.kpi{padding:10px 14px}
.kpi .label{display:block;color:#5b6577;font-size:12px}
.kpi .value{display:block;font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.card{padding:14px 16px;margin-bottom:14px}
.columns{display:grid;grid-template-columns:1fr 1.6fr;gap:14px}
.columns .card{margin-bottom:14px;overflow:hidden}
.legend{margin:0 0 6px;color:#5b6577;font-size:12px}
.key{margin-right:16px;white-space:nowrap}
.key i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.key i.line{height:2px;background:#2f6fde;vertical-align:3px;width:16px}
.key i.dash{height:0;border-top:2px dashed #e5484d;vertical-align:3px;width:16px;border-radius:0}
.key b{margin-right:4px;font-size:11px}
.tri{color:#e5484d}.dia{color:#f5a524}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;color:#5b6577;font-weight:500;border-bottom:1px solid #e1e5ee;padding:4px 6px}
td{padding:4px 6px;border-bottom:1px solid #f0f2f6;vertical-align:top}
td.id,td.sensor{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:11px;font-weight:600;color:#fff}
.badge.threshold{background:#e5484d}.badge.anomaly{background:#c98500}
.detail{color:#5b6577}
.empty{color:#8a93a5;margin:6px 0}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}
figure{margin:0;border:1px solid #eef0f5;border-radius:6px;padding:6px 8px}
figcaption{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
svg text{font-size:11px;fill:#5b6577}
svg text.empty{font-size:14px;fill:#8a93a5}
svg line.grid{stroke:#e9ecf2;stroke-width:1}
svg line.threshold{stroke:#e5484d;stroke-width:1.5;stroke-dasharray:5 4}
svg polyline.average{fill:none;stroke:#2f6fde;stroke-width:2}
svg circle.point{fill:#2f6fde}
`.trim(),
);
