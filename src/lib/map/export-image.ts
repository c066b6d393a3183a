export interface ExportInfo {
	title: string;
	date: string;
	legend: Array<{ label: string; color: string }>;
	credits: string;
}

const FONT = 'system-ui, "Open Sans", Arial, sans-serif';

/**
 * The map's size in an export, in CSS pixels: the whole map, the same whatever panels narrow it
 * on screen (the details, a phone's width), with room for the credits' line.
 */
export const EXPORT_MAP_SIZE = { width: 1200, height: 760 } as const;

/**
 * The map as a picture that stands on its own: title and date above, legend on it, credits below.
 * `map` is a snapshot of the WebGL canvas at device pixels; the layout is in CSS pixels.
 */
export function composeExport(
	map: HTMLCanvasElement,
	cssWidth: number,
	cssHeight: number,
	info: ExportInfo
): HTMLCanvasElement {
	const scale = map.width / cssWidth;
	const header = 56;
	const footer = 28;
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(cssWidth * scale);
	canvas.height = Math.round((cssHeight + header + footer) * scale);
	const ctx = canvas.getContext('2d')!;
	ctx.scale(scale, scale);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, cssWidth, cssHeight + header + footer);
	ctx.fillStyle = '#1d2328';
	ctx.font = `700 18px ${FONT}`;
	ctx.fillText(info.title, 14, 25);
	ctx.font = `14px ${FONT}`;
	ctx.fillStyle = '#4a535c';
	ctx.fillText(`Events up to ${info.date}`, 14, 46);
	ctx.drawImage(map, 0, header, cssWidth, cssHeight);

	const rowH = 17;
	const boxW = 150;
	const boxH = info.legend.length * rowH + 12;
	const x = 12;
	const y = header + cssHeight - boxH - 12;
	ctx.fillStyle = 'rgba(255,255,255,0.92)';
	ctx.strokeStyle = '#d9dcdf';
	ctx.fillRect(x, y, boxW, boxH);
	ctx.strokeRect(x, y, boxW, boxH);
	ctx.font = `12px ${FONT}`;
	info.legend.forEach((item, i) => {
		const cy = y + 12 + i * rowH;
		ctx.beginPath();
		ctx.arc(x + 12, cy, 5, 0, Math.PI * 2);
		ctx.fillStyle = item.color;
		ctx.fill();
		ctx.fillStyle = '#1d2328';
		ctx.fillText(item.label, x + 24, cy + 4);
	});

	ctx.fillStyle = '#4a535c';
	ctx.font = `11px ${FONT}`;
	ctx.fillText(info.credits, 14, header + cssHeight + 18);
	return canvas;
}
