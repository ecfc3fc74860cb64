/** Two channels, left then right, as the ambience renderers write them. */
export type Stereo = readonly [left: Float32Array, right: Float32Array];
