/** pdfmake's layout engine, which its package does not type (see render.ts). */
declare module 'pdfmake/js/LayoutBuilder' {
  const LayoutBuilder: unknown;
  export default LayoutBuilder;
}
