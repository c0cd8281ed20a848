// Messages of the letter feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const letterId = {
  'letter.download': 'Unduh surat (PDF)',
  'letter.dialogTitle': 'Surat tindak lanjut laporan #{id}',
  'letter.form': 'Isian surat',
  'letter.response': 'Tanggapan',
  'letter.responseOption': '{state} · {date}',
  'letter.field.number': 'Nomor surat',
  'letter.field.date': 'Tanggal surat',
  'letter.field.attachment': 'Lampiran',
  'letter.field.subject': 'Perihal',
  'letter.field.signerName': 'Nama penanda tangan',
  'letter.field.signerTitle': 'Jabatan penanda tangan',
  'letter.field.signerNip': 'NIP penanda tangan (opsional)',
  'letter.numberHint': 'Diisi menurut pola nomor surat instansi; ubah bila perlu.',
  'letter.problem.required': 'Wajib diisi.',
  'letter.problem.tooLong': 'Terlalu panjang.',
  'letter.problem.invalidDate': 'Tanggal tidak valid.',
  'letter.anonymous':
    'Pelapor anonim: surat ditujukan kepada "Bapak/Ibu Pelapor" dan tidak memuat identitasnya.',
  'letter.noLetterhead':
    'Kop surat {agency} belum diatur di pengaturan instansi: alamat dan kontak tidak dicetak.',
  'letter.unknownAgency':
    'Instansi tanggapan ini belum tersedia di perangkat ini. Tunggu hingga sinkronisasi selesai.',
  'letter.preview': 'Pratinjau surat',
  'letter.previewEmpty': 'Lengkapi isian surat untuk melihat pratinjau.',
  'letter.save': 'Simpan PDF',
  'letter.saving': 'Menyiapkan PDF…',
  'letter.close': 'Tutup',
  'letter.saved': 'Surat disimpan di {path}.',
  'letter.cancelled': 'Penyimpanan dibatalkan; surat belum disimpan.',
  'letter.printDialog':
    'Dialog cetak peramban telah dibuka. Pilih "Simpan sebagai PDF" sebagai tujuan untuk menyimpan surat.',
  'letter.error.tooLarge':
    'Surat terlalu besar untuk dicetak. Gunakan logo kop surat yang lebih kecil.',
  'letter.error.failed': 'Surat tidak dapat disimpan: {message}',
} as const;

export const letterEn = {
  'letter.download': 'Download letter (PDF)',
  'letter.dialogTitle': 'Follow-up letter for report #{id}',
  'letter.form': 'Letter details',
  'letter.response': 'Response',
  'letter.responseOption': '{state} · {date}',
  'letter.field.number': 'Letter number',
  'letter.field.date': 'Letter date',
  'letter.field.attachment': 'Attachments',
  'letter.field.subject': 'Subject',
  'letter.field.signerName': 'Signer name',
  'letter.field.signerTitle': 'Signer title',
  'letter.field.signerNip': 'Signer NIP (optional)',
  'letter.numberHint': "Filled in from the agency's letter number pattern; change it if needed.",
  'letter.problem.required': 'Required.',
  'letter.problem.tooLong': 'Too long.',
  'letter.problem.invalidDate': 'Not a valid date.',
  'letter.anonymous':
    'Anonymous reporter: the letter is addressed to "Bapak/Ibu Pelapor" and carries no identity.',
  'letter.noLetterhead':
    'The letterhead of {agency} is not set in the agency settings: no address or contact is printed.',
  'letter.unknownAgency':
    "This response's agency is not on this device yet. Wait until synchronisation finishes.",
  'letter.preview': 'Letter preview',
  'letter.previewEmpty': 'Complete the letter details to see a preview.',
  'letter.save': 'Save PDF',
  'letter.saving': 'Preparing the PDF…',
  'letter.close': 'Close',
  'letter.saved': 'Letter saved to {path}.',
  'letter.cancelled': 'Saving was cancelled; the letter has not been saved.',
  'letter.printDialog':
    'The browser\'s print dialog is open. Choose "Save as PDF" as the destination to save the letter.',
  'letter.error.tooLarge': 'The letter is too large to print. Use a smaller letterhead logo.',
  'letter.error.failed': 'The letter could not be saved: {message}',
} as const satisfies Record<keyof typeof letterId, string>;
