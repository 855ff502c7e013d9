/// <reference types="office-js" />

/** What reading the open workbook as a file needs from Office.js: the document's getFileAsync. */
export type FileSource = Pick<Office.Document, 'getFileAsync'>;

const SLICE = 4 * 1024 * 1024;

/**
 * The workbook open in Excel as .xlsx bytes, read slice by slice (Office hands a file over in slices of at
 * most 4 MB) and closed again on every path, so Excel never keeps the file locked.
 */
export function readDocument(document: FileSource): Promise<Uint8Array> {
  const fail = (what: string, error?: { message: string }) => new Error(`Excel could not hand over ${what}${error ? `: ${error.message}` : ''}. Save the workbook and try again.`);
  return new Promise((resolve, reject) => {
    // Office's enums by value: the same strings whether or not Office.js has loaded them.
    document.getFileAsync('compressed' as unknown as Office.FileType, { sliceSize: SLICE }, (opened) => {
      if (opened.status !== ('succeeded' as unknown as Office.AsyncResultStatus)) return reject(fail('the workbook', opened.error));
      const file = opened.value;
      const slices: Uint8Array[] = [];
      const next = (index: number) => {
        if (index === file.sliceCount) {
          file.closeAsync();
          const bytes = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
          let at = 0;
          for (const slice of slices) {
            bytes.set(slice, at);
            at += slice.length;
          }
          return resolve(bytes);
        }
        file.getSliceAsync(index, (read) => {
          if (read.status !== ('succeeded' as unknown as Office.AsyncResultStatus)) {
            file.closeAsync();
            return reject(fail(`part ${index + 1} of the workbook`, read.error));
          }
          slices.push(Uint8Array.from(read.value.data as number[]));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

/** Bytes as the base64 text Excel.createWorkbook takes. */
export function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
