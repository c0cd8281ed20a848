// Messages of the reply feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const replyId = {
  'reply.title': 'Tanggapan',
  'reply.write': 'Tulis tanggapan',
  'reply.continue': 'Lanjutkan draf tanggapan',

  'reply.picker.search': 'Cari templat',
  'reply.picker.keys': '↑ ↓ memilih, Enter memakai templat, Esc kembali.',
  'reply.picker.replaces': 'Memilih templat akan mengganti teks yang sedang ditulis.',
  'reply.picker.list': 'Templat tanggapan',
  'reply.picker.scratch': 'Tulis dari awal',
  'reply.picker.scratchHint': 'Tanpa templat: Anda menulis seluruh teks sendiri.',
  'reply.picker.personal': 'pribadi',
  'reply.picker.noTemplates': 'Belum ada templat. Anda tetap dapat menulis dari awal.',
  'reply.picker.noMatch': 'Tidak ada templat yang cocok dengan pencarian.',
  'reply.picker.back': 'Kembali ke teks',

  'reply.fromTemplate': 'Templat: {name}',
  'reply.noTemplate': 'Tanpa templat',
  'reply.fromSyncedDraft': 'Draf tersimpan',
  'reply.changeTemplate': 'Ganti templat',
  'reply.editSource': 'Ubah teks',
  'reply.editSourceDone': 'Selesai mengubah',
  'reply.source': 'Teks templat',
  'reply.sourceHint':
    'Variabel ditulis {{laporan.nomor}}; isian yang kosong muncul di pratinjau untuk diisi.',
  'reply.showError': 'Tunjukkan di teks',
  'reply.unknownVariables':
    'Variabel tidak dikenal: {names}. Perbaiki teksnya; variabel ini tidak dapat diisi.',
  'reply.anonymousNote':
    'Pelapor anonim: nama dan sapaan pelapor ditulis "Bapak/Ibu Pelapor" dan "Bapak/Ibu".',
  'reply.preview': 'Pratinjau: teks yang akan dibaca pelapor',
  'reply.previewEmpty': 'Teks tanggapan masih kosong.',
  'reply.previewUnavailable': 'Pratinjau belum dapat ditampilkan sampai kesalahan diperbaiki.',
  'reply.holeLabel': '{label} ({variable}), wajib diisi',
  'reply.missingSummary': '{count} isian belum diisi: {names}',
  'reply.complete': 'Semua isian sudah lengkap.',
  'reply.empty': 'Tanggapan masih kosong. Tulis teksnya terlebih dahulu.',
  'reply.submit': 'Ajukan untuk persetujuan',
  'reply.publish': 'Terbitkan',
  'reply.confirmTitle': 'Konfirmasi penerbitan',
  'reply.confirmPublish':
    'Tanggapan ini akan langsung dikirim kepada pelapor laporan {tracking} dan laporan menjadi Ditindaklanjuti.',
  'reply.confirmPublishYes': 'Ya, terbitkan',
  'reply.close': 'Tutup (draf disimpan)',
  'reply.savedLocally': 'Draf tersimpan di perangkat ini ({time}).',
  'reply.localSaveFailed':
    'Draf tidak dapat disimpan di perangkat ini (penyimpanan penuh atau diblokir). Draf tetap disinkronkan.',
  'reply.syncFailed': 'Draf belum tersinkron: {reason}',
  'reply.sent.submitted': 'Tanggapan diajukan untuk persetujuan Pejabat Penghubung.',
  'reply.sent.published': 'Tanggapan diterbitkan kepada pelapor.',

  'reply.returnedTitle': 'Dikembalikan oleh Pejabat Penghubung',
  'reply.returnedBy': 'Dikembalikan oleh {who} ({time})',
  'reply.waiting': 'Tanggapan dari {who} menunggu persetujuan Pejabat Penghubung.',
  'reply.waitingPublish': 'Tanggapan dari {who} sudah disetujui dan menunggu diterbitkan.',

  'reply.review.title': 'Tanggapan dari {who} menunggu persetujuan ({time})',
  'reply.review.approvedTitle': 'Tanggapan disetujui, belum diterbitkan ({time})',
  'reply.review.publishHint':
    'Menerbitkan mengirim teks ini kepada pelapor dan laporan menjadi Ditindaklanjuti.',
  'reply.review.approve': 'Setujui & terbitkan',
  'reply.review.return': 'Kembalikan',
  'reply.review.comment': 'Catatan untuk penulis',
  'reply.review.commentHint': 'Hanya dibaca petugas, tidak pernah dikirim kepada pelapor.',
  'reply.review.commentRequired': 'Tulis catatan untuk penulis sebelum mengembalikan tanggapan.',
  'reply.review.returnSubmit': 'Kembalikan ke penulis',
  'reply.review.published': 'Tanggapan disetujui dan diterbitkan kepada pelapor.',
  'reply.review.returned': 'Tanggapan dikembalikan kepada penulis dengan catatan.',
} as const;

export const replyEn = {
  'reply.title': 'Response',
  'reply.write': 'Write response',
  'reply.continue': 'Continue draft response',

  'reply.picker.search': 'Search templates',
  'reply.picker.keys': '↑ ↓ to choose, Enter to use the template, Esc to go back.',
  'reply.picker.replaces': 'Choosing a template replaces the text you are writing.',
  'reply.picker.list': 'Response templates',
  'reply.picker.scratch': 'Write from scratch',
  'reply.picker.scratchHint': 'No template: you write the whole text yourself.',
  'reply.picker.personal': 'personal',
  'reply.picker.noTemplates': 'No templates yet. You can still write from scratch.',
  'reply.picker.noMatch': 'No template matches the search.',
  'reply.picker.back': 'Back to the text',

  'reply.fromTemplate': 'Template: {name}',
  'reply.noTemplate': 'No template',
  'reply.fromSyncedDraft': 'Saved draft',
  'reply.changeTemplate': 'Change template',
  'reply.editSource': 'Edit text',
  'reply.editSourceDone': 'Done editing',
  'reply.source': 'Template text',
  'reply.sourceHint':
    'Variables are written {{laporan.nomor}}; empty ones appear in the preview to be filled in.',
  'reply.showError': 'Show in the text',
  'reply.unknownVariables':
    'Unknown variables: {names}. Correct the text; these variables cannot be filled in.',
  'reply.anonymousNote':
    'Anonymous reporter: the reporter\'s name and salutation are written "Bapak/Ibu Pelapor" and "Bapak/Ibu".',
  'reply.preview': 'Preview: the text the reporter will read',
  'reply.previewEmpty': 'The response is still empty.',
  'reply.previewUnavailable': 'The preview is shown once the error is corrected.',
  'reply.holeLabel': '{label} ({variable}), required',
  'reply.missingSummary': '{count} blanks still to fill in: {names}',
  'reply.complete': 'Everything is filled in.',
  'reply.empty': 'The response is still empty. Write its text first.',
  'reply.submit': 'Submit for approval',
  'reply.publish': 'Publish',
  'reply.confirmTitle': 'Confirm publication',
  'reply.confirmPublish':
    'This response goes straight to the reporter of report {tracking}, and the report becomes Responded.',
  'reply.confirmPublishYes': 'Yes, publish',
  'reply.close': 'Close (draft is kept)',
  'reply.savedLocally': 'Draft saved on this device ({time}).',
  'reply.localSaveFailed':
    'The draft cannot be saved on this device (storage full or blocked). It is still synced.',
  'reply.syncFailed': 'Draft not synced yet: {reason}',
  'reply.sent.submitted': "Response submitted for the liaison officer's approval.",
  'reply.sent.published': 'Response published to the reporter.',

  'reply.returnedTitle': 'Returned by the liaison officer',
  'reply.returnedBy': 'Returned by {who} ({time})',
  'reply.waiting': "The response by {who} is waiting for the liaison officer's approval.",
  'reply.waitingPublish': 'The response by {who} is approved and waiting to be published.',

  'reply.review.title': 'Response by {who} waiting for approval ({time})',
  'reply.review.approvedTitle': 'Response approved, not yet published ({time})',
  'reply.review.publishHint':
    'Publishing sends this text to the reporter and the report becomes Responded.',
  'reply.review.approve': 'Approve & publish',
  'reply.review.return': 'Return',
  'reply.review.comment': 'Comment for the author',
  'reply.review.commentHint': 'Read by staff only, never sent to the reporter.',
  'reply.review.commentRequired': 'Write a comment for the author before returning the response.',
  'reply.review.returnSubmit': 'Return to the author',
  'reply.review.published': 'Response approved and published to the reporter.',
  'reply.review.returned': 'Response returned to its author with a comment.',
} as const satisfies Record<keyof typeof replyId, string>;
