// The paths the issue found answering 500 (a %-encoding that does not decode, on every kind of route), shared by
// the unit test of the check and the end-to-end test against the production build.
export const MALFORMED_PATHS = [
  "/assets/%E0%A4%A",
  "/assets/%",
  "/api/galleries/%E0%A4%A",
  "/g/%E0%A4%A",
  "/g/%E0%A4%A/edit",
  "/spaces/shape-3d/gradio_api/file=%E0%A4%A",
  "/spaces/%ZZ/config",
];
