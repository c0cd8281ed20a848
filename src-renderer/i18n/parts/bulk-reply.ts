// Messages of the bulk-reply feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const bulkReplyId = {
  'bulk.kind.reply': 'Balas',
  'bulk.kind.approve_responses': 'Setujui & terbitkan',
  'bulk.confirm.reply': 'Kirim tanggapan ke {count} laporan untuk disetujui',
  'bulk.confirm.replyPublish': 'Kirim dan terbitkan tanggapan ke {count} laporan',
  'bulk.confirm.held': ' · {count} ditahan',
  'bulk.confirm.approve_responses': 'Setujui & terbitkan {count} tanggapan',
  'bulk.done.reply': 'Tanggapan dikirim ke {count} laporan',
  'bulk.done.approve_responses': '{count} tanggapan disetujui dan diterbitkan',

  // Why a report was left out (reason keys of the planner).
  'bulk.missing_values': 'Ada isian yang kosong; tanggapan ditahan, tidak dikirim.',
  'bulk.missing_values.detail': 'isian kosong: {variables}',
  'bulk.template_error': 'Templat tidak dapat dipakai.',
  'bulk.template_error.detail': 'Templat tidak dapat dipakai: {message}',
  'bulk.no_submitted_response': 'Tidak ada tanggapan yang menunggu persetujuan.',

  // The reply form.
  'bulk.reply.search': 'Cari templat',
  'bulk.reply.search.placeholder': 'Nama atau keterangan templat',
  'bulk.reply.templates': 'Templat',
  'bulk.reply.noTemplates': 'Belum ada templat. Tulis isi tanggapan langsung di bawah.',
  'bulk.reply.noMatch': 'Tidak ada templat yang cocok.',
  'bulk.reply.source': 'Isi tanggapan',
  'bulk.reply.sourceHint':
    'Variabel diisi untuk setiap laporan. Laporan yang isiannya kosong ditahan dan tidak dikirim.',
  'bulk.reply.edited': 'Diubah dari templat “{name}”.',
  'bulk.reply.problem': 'Kesalahan pada {position}: {message}',
  'bulk.reply.problemInSnippet': 'Kesalahan pada cuplikan “{snippet}”, {position}: {message}',
  'bulk.reply.unknown': 'Variabel tidak dikenal: {variables}',
  'bulk.reply.anonymity':
    'Memakai {variables}; untuk laporan anonim ditampilkan sebagai bentuk netral.',
  'bulk.reply.mode': 'Cara mengirim',
  'bulk.reply.submit': 'Ajukan untuk persetujuan',
  'bulk.reply.submitHint': 'Pejabat Penghubung menyetujui sebelum tanggapan terbit.',
  'bulk.reply.publish': 'Terbitkan langsung',
  'bulk.reply.publishHint': 'Tanggapan langsung terbit dan laporan menjadi Ditindaklanjuti.',
  'bulk.reply.ownText': 'Tanggapan tanpa templat',

  // The confirmation of a reply.
  'bulk.reply.preview': 'Pratinjau tanggapan',
  'bulk.reply.previewOf': 'Tanggapan untuk laporan #{tracking}',
  'bulk.reply.previewMore': '… dan {count} laporan lain, masing-masing dengan isiannya sendiri',
  'bulk.reply.held': 'Ditahan ({count})',
  'bulk.reply.heldItem': '#{tracking} — isian kosong: {variables}',

  // Approving.
  'bulk.approve.explain':
    'Tanggapan yang menunggu persetujuan pada laporan terpilih disetujui dan langsung terbit; laporan menjadi Ditindaklanjuti.',
} as const;

export const bulkReplyEn = {
  'bulk.kind.reply': 'Reply',
  'bulk.kind.approve_responses': 'Approve & publish',
  'bulk.confirm.reply': 'Send a response to {count} reports for approval',
  'bulk.confirm.replyPublish': 'Send and publish a response to {count} reports',
  'bulk.confirm.held': ' · {count} held back',
  'bulk.confirm.approve_responses': 'Approve & publish {count} responses',
  'bulk.done.reply': 'Response sent to {count} reports',
  'bulk.done.approve_responses': '{count} responses approved and published',

  'bulk.missing_values': 'A value is empty; the response is held back, not sent.',
  'bulk.missing_values.detail': 'empty values: {variables}',
  'bulk.template_error': 'The template cannot be used.',
  'bulk.template_error.detail': 'The template cannot be used: {message}',
  'bulk.no_submitted_response': 'No response is waiting for approval.',

  'bulk.reply.search': 'Search templates',
  'bulk.reply.search.placeholder': 'Template name or description',
  'bulk.reply.templates': 'Template',
  'bulk.reply.noTemplates': 'No templates yet. Write the response below.',
  'bulk.reply.noMatch': 'No template matches.',
  'bulk.reply.source': 'Response text',
  'bulk.reply.sourceHint':
    'Variables are filled in for each report. Reports with an empty value are held back and not sent.',
  'bulk.reply.edited': 'Edited from the template “{name}”.',
  'bulk.reply.problem': 'Error at {position}: {message}',
  'bulk.reply.problemInSnippet': 'Error in the snippet “{snippet}”, {position}: {message}',
  'bulk.reply.unknown': 'Unknown variables: {variables}',
  'bulk.reply.anonymity': 'Uses {variables}; anonymous reports show the neutral form instead.',
  'bulk.reply.mode': 'How to send',
  'bulk.reply.submit': 'Submit for approval',
  'bulk.reply.submitHint': 'A liaison officer approves before the response is published.',
  'bulk.reply.publish': 'Publish directly',
  'bulk.reply.publishHint': 'The response is published at once and the report becomes Responded.',
  'bulk.reply.ownText': 'Response without a template',

  'bulk.reply.preview': 'Response preview',
  'bulk.reply.previewOf': 'Response to report #{tracking}',
  'bulk.reply.previewMore': '… and {count} more reports, each with its own values',
  'bulk.reply.held': 'Held back ({count})',
  'bulk.reply.heldItem': '#{tracking} — empty values: {variables}',

  'bulk.approve.explain':
    'The responses waiting for approval on the selected reports are approved and published at once; the reports become Responded.',
} as const satisfies Record<keyof typeof bulkReplyId, string>;
