// office-addin-mock needs only this enum from office-addin-manifest, whose own imports break under Jest 30.
module.exports = { OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } };
