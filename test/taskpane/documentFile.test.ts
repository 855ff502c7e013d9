import { base64Of, readDocument, type FileSource } from '../../src/taskpane/documentFile';

/** An Office document that hands its file over in slices, recording what was asked of it. */
function documentOf(bytes: number[], sliceSize: number, failAt: number | null = null) {
  const asked = { closed: 0, type: '' as string };
  const document: FileSource = {
    getFileAsync: ((type: string, _options: unknown, callback: (r: unknown) => void) => {
      asked.type = type;
      const slices = Array.from({ length: Math.ceil(bytes.length / sliceSize) }, (_, i) => bytes.slice(i * sliceSize, (i + 1) * sliceSize));
      callback({
        status: 'succeeded',
        value: {
          sliceCount: slices.length,
          getSliceAsync: (index: number, cb: (r: unknown) => void) =>
            cb(index === failAt ? { status: 'failed', error: { message: 'the connection dropped' } } : { status: 'succeeded', value: { data: slices[index] } }),
          closeAsync: () => void asked.closed++,
        },
      });
    }) as unknown as FileSource['getFileAsync'],
  };
  return { document, asked };
}

describe('reading the workbook open in Excel as a file', () => {
  it('joins the slices in order, asks for the compressed (.xlsx) file and closes it', async () => {
    const bytes = Array.from({ length: 10 }, (_, i) => i * 7);
    const { document, asked } = documentOf(bytes, 3);
    expect([...(await readDocument(document))]).toEqual(bytes);
    expect(asked).toEqual({ closed: 1, type: 'compressed' });
  });

  it('closes the file and says what to do when a slice cannot be read', async () => {
    const { document, asked } = documentOf([1, 2, 3, 4], 2, 1);
    await expect(readDocument(document)).rejects.toThrow('Excel could not hand over part 2 of the workbook: the connection dropped. Save the workbook and try again.');
    expect(asked.closed).toBe(1);
  });

  it('gives base64 that decodes to the same bytes, however long', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(Uint8Array.from(Buffer.from(base64Of(bytes), 'base64'))).toEqual(bytes);
  });
});
