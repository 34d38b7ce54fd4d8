// pdfmake 0.3 ships no type declarations; this is the part of its server API used here.
declare module 'pdfmake' {
  interface FontFiles {
    normal: string;
    bold?: string;
    italics?: string;
    bolditalics?: string;
  }
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(documentDefinition: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}
