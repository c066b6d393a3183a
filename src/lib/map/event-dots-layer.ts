import type {
	CustomLayerInterface,
	CustomRenderMethodInput,
	Map as MapLibreMap
} from 'maplibre-gl';
import { DOT_STRIDE } from './event-dots';

const VERTEX = `#version 300 es
in vec2 a_pos;
in vec2 a_time;
in vec3 a_color;
in float a_slot;
uniform mat4 u_matrix;
uniform float u_day;
uniform vec2 u_viewport;
uniform float u_dpr;
uniform float u_world;
out vec3 v_color;
out float v_current;
void main() {
	bool hidden = a_time.x > u_day;
	v_current = (!hidden && a_time.y >= u_day) ? 1.0 : 0.0;
	v_color = a_color;
	vec4 p = u_matrix * vec4(a_pos * u_world, 0.0, 1.0);
	float r = (22.0 + 4.5 * sqrt(a_slot)) * u_dpr;
	// The first dot sits up and to the left, clear of the label on the right.
	float angle = 2.36 + a_slot * 2.39996;
	p.xy += vec2(cos(angle), sin(angle)) * r * 2.0 / u_viewport * p.w;
	// Hidden dots are moved outside the clip volume: no fragment is drawn for them.
	gl_Position = hidden ? vec4(2.0, 2.0, 2.0, 1.0) : p;
	gl_PointSize = (v_current > 0.5 ? 10.0 : 7.0) * u_dpr;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec3 v_color;
in float v_current;
out vec4 fragColor;
void main() {
	vec2 c = gl_PointCoord * 2.0 - 1.0;
	float d = dot(c, c);
	if (d > 1.0) discard;
	vec3 ring = v_current > 0.5 ? vec3(0.07) : vec3(1.0);
	fragColor = vec4(d > 0.5 ? ring : v_color, 1.0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
	const shader = gl.createShader(type)!;
	gl.shaderSource(shader, source);
	gl.compileShader(shader);
	if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
		throw new Error(gl.getShaderInfoLog(shader) ?? 'shader error');
	return shader;
}

/** Floats uploaded per frame when a big story's dots are first drawn: 250,000 events, 8 MB. */
const UPLOAD_SLICE = 250_000 * DOT_STRIDE;

/**
 * Every event as a dot, filtered by date on the GPU (the way deck.gl's DataFilterExtension does):
 * the data goes to the graphics card once, and a scrub sets one uniform and repaints. Nothing is
 * re-tiled, so the cost of a scrub does not grow with the number of events.
 */
export class EventDotsLayer implements CustomLayerInterface {
	readonly id = 'event-dots';
	readonly type = 'custom' as const;
	readonly renderingMode = '2d' as const;
	private map: MapLibreMap | null = null;
	private program: WebGLProgram | null = null;
	private buffer: WebGLBuffer | null = null;
	private vao: WebGLVertexArrayObject | null = null;
	private count = 0;
	private day = 0;
	/** Floats on the GPU so far: a big story's vertices go up in slices, once first needed. */
	private uploaded = 0;
	private rows: Int32Array | null = null;
	private indices: WebGLBuffer | null = null;
	private rowsUploaded = false;

	/** Below `minZoom` nothing is drawn: a big story shows its aggregates there instead. */
	constructor(
		private readonly vertices: Float32Array,
		private readonly minZoom = 0
	) {
		this.count = vertices.length / DOT_STRIDE;
	}

	setDay(day: number): void {
		if (day === this.day) return;
		this.day = day;
		this.map?.triggerRepaint();
	}

	/**
	 * Draws only these rows (in table order), or every event again (null): the reader's "Show what
	 * changed". The rows go to the GPU once, as an index buffer; a scrub still sets one uniform.
	 */
	setRows(rows: Int32Array | null): void {
		if (rows === this.rows) return;
		this.rows = rows;
		this.rowsUploaded = false;
		this.map?.triggerRepaint();
	}

	/** The rows drawn, or null for every event. */
	get shownRows(): Int32Array | null {
		return this.rows;
	}

	onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
		this.map = map;
		const program = gl.createProgram()!;
		gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
		gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
		gl.linkProgram(program);
		if (!gl.getProgramParameter(program, gl.LINK_STATUS))
			throw new Error(gl.getProgramInfoLog(program) ?? 'link error');
		this.program = program;
		this.buffer = gl.createBuffer();
		this.vao = gl.createVertexArray();
		this.indices = gl.createBuffer();
		this.rowsUploaded = false;
		gl.bindVertexArray(this.vao);
		gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
		const bytes = 4 * DOT_STRIDE;
		const attribute = (name: string, size: number, offset: number) => {
			const location = gl.getAttribLocation(program, name);
			gl.enableVertexAttribArray(location);
			gl.vertexAttribPointer(location, size, gl.FLOAT, false, bytes, offset * 4);
		};
		attribute('a_pos', 2, 0);
		attribute('a_time', 2, 2);
		attribute('a_color', 3, 4);
		attribute('a_slot', 1, 7);
		gl.bindVertexArray(null);
		// A story drawn at every zoom goes up at once, as it always has; one drawn only zoomed in
		// waits until then (a million events are 32 MB the opening view never shows).
		if (this.minZoom <= 0) this.upload(gl, this.vertices.length);
	}

	/**
	 * Uploads up to `floats` more of the vertices; true when all are up. Slices keep each frame's
	 * share small, where one upload of a million events held the page for a fifth of a second.
	 */
	private upload(gl: WebGL2RenderingContext, floats: number): boolean {
		gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
		if (this.uploaded === 0 && floats >= this.vertices.length) {
			gl.bufferData(gl.ARRAY_BUFFER, this.vertices, gl.STATIC_DRAW);
			this.uploaded = this.vertices.length;
			return true;
		}
		if (this.uploaded === 0)
			gl.bufferData(gl.ARRAY_BUFFER, this.vertices.byteLength, gl.STATIC_DRAW);
		const end = Math.min(this.vertices.length, this.uploaded + floats);
		gl.bufferSubData(
			gl.ARRAY_BUFFER,
			this.uploaded * 4,
			this.vertices.subarray(this.uploaded, end)
		);
		this.uploaded = end;
		return end === this.vertices.length;
	}

	render(gl: WebGL2RenderingContext, args: CustomRenderMethodInput): void {
		if (!this.program || this.count === 0) return;
		if ((this.map?.getZoom() ?? 0) < this.minZoom) return;
		// A filter's rows may lie anywhere in the table: they are drawn once all of it is up.
		const slice = this.rows ? this.vertices.length : UPLOAD_SLICE;
		if (this.uploaded < this.vertices.length && !this.upload(gl, slice)) {
			this.map?.triggerRepaint();
		}
		const drawn = this.uploaded / DOT_STRIDE;
		gl.useProgram(this.program);
		gl.uniformMatrix4fv(
			gl.getUniformLocation(this.program, 'u_matrix'),
			false,
			args.modelViewProjectionMatrix as Float32Array
		);
		gl.uniform1f(gl.getUniformLocation(this.program, 'u_day'), this.day);
		gl.uniform2f(
			gl.getUniformLocation(this.program, 'u_viewport'),
			gl.drawingBufferWidth,
			gl.drawingBufferHeight
		);
		gl.uniform1f(gl.getUniformLocation(this.program, 'u_dpr'), window.devicePixelRatio || 1);
		// MapLibre 6 hands custom layers a matrix in world pixels at the current zoom, not 0…1.
		const zoom = this.map?.getZoom() ?? 0;
		gl.uniform1f(gl.getUniformLocation(this.program, 'u_world'), 512 * 2 ** zoom);
		gl.bindVertexArray(this.vao);
		// Dots sit on the flat map, above everything drawn before them: no depth test.
		gl.disable(gl.DEPTH_TEST);
		gl.enable(gl.BLEND);
		gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
		if (this.rows) {
			// The index buffer is part of the vertex array's state: bound while it is.
			gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indices);
			if (!this.rowsUploaded) {
				const rows = this.rows;
				gl.bufferData(
					gl.ELEMENT_ARRAY_BUFFER,
					new Uint32Array(rows.buffer, rows.byteOffset, rows.length),
					gl.STATIC_DRAW
				);
				this.rowsUploaded = true;
			}
			gl.drawElements(gl.POINTS, this.rows.length, gl.UNSIGNED_INT, 0);
		} else {
			gl.drawArrays(gl.POINTS, 0, drawn);
		}
		gl.bindVertexArray(null);
	}

	onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
		if (this.buffer) gl.deleteBuffer(this.buffer);
		if (this.indices) gl.deleteBuffer(this.indices);
		if (this.vao) gl.deleteVertexArray(this.vao);
		if (this.program) gl.deleteProgram(this.program);
		this.map = null;
	}
}
