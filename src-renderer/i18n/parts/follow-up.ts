// Messages of the follow-up feature, Indonesian first; the English part has exactly the same keys.
// Spread into catalog-id.ts / catalog-en.ts.

export const followUpId = {
  // The panel and its entry
  'followUp.title': 'Tindak lanjut',
  'followUp.command': 'Buka daftar tindak lanjut',
  'followUp.keywords': 'tindak lanjut pengingat jatuh tempo follow-up reminder',
  'followUp.entryDue': 'Tindak lanjut, {count} jatuh tempo hari ini atau terlambat',
  'followUp.window': 'Jatuh tempo dalam',
  'followUp.window.option': '{days} {unit}',
  'followUp.list': 'Laporan yang tindak lanjutnya jatuh tempo',
  'followUp.summary': '{count} laporan jatuh tempo dalam {days} {unit}',
  'followUp.showing': 'Menampilkan {shown} dari {total} laporan.',
  'followUp.more': 'Tampilkan lebih banyak',
  'followUp.empty.title': 'Tidak ada tindak lanjut yang mendesak',
  'followUp.empty.body':
    'Tidak ada laporan yang tindak lanjutnya jatuh tempo dalam {days} {unit} ke depan.',
  'followUp.loading': 'Memuat daftar tindak lanjut…',
  'followUp.error': 'Daftar tindak lanjut tidak dapat dimuat dari data di perangkat ini.',
  'followUp.retry': 'Coba lagi',
  'followUp.close': 'Tutup',
  'followUp.openFailed':
    'Laporan #{id} tidak lagi berada di antreannya; mungkin statusnya baru saja berubah.',
  'followUp.dueOn': 'Jatuh tempo {date}',
  'followUp.autoCompleteOn': 'Selesai otomatis {date}',
  // Countdowns in the list ({unit}: followUp.unit.*)
  'followUp.unit.one': 'hari kerja',
  'followUp.unit.other': 'hari kerja',
  'followUp.left': '{days} {unit} lagi',
  'followUp.today': 'Hari ini',
  'followUp.overdue': 'Terlambat {days} {unit}',
  'followUp.autoComplete': 'Selesai otomatis dalam {days} {unit}',
  'followUp.autoCompleteToday': 'Selesai otomatis hari ini',
  'followUp.autoCompleteDue': 'Menunggu penyelesaian otomatis',
  // Reminders
  'followUp.reminder.today': '{count} tindak lanjut jatuh tempo hari ini',
  'followUp.reminder.overdue': '{count} tindak lanjut jatuh tempo hari ini atau sudah terlambat',
  'followUp.reminder.view': 'Lihat daftar',
  'followUp.reminder.dismiss': 'Tutup pengingat',
  'followUp.notification.title': 'Posko: tindak lanjut jatuh tempo',
  // The countdown in the report's detail
  'followUp.countdown.label': 'Tenggat tindak lanjut',
  'followUp.countdown.autoComplete':
    'Selesai otomatis dalam {days} {unit} ({date}) bila pelapor tidak menanggapi',
  'followUp.countdown.autoCompleteToday':
    'Selesai otomatis pada akhir hari ini ({date}) bila pelapor tidak menanggapi',
  'followUp.countdown.autoCompleteDue':
    'Batas tanggapan pelapor berakhir {date}; laporan akan diselesaikan otomatis',
  'followUp.countdown.first': 'Tindak lanjut pertama jatuh tempo dalam {days} {unit} ({date})',
  'followUp.countdown.firstToday': 'Tindak lanjut pertama jatuh tempo hari ini ({date})',
  'followUp.countdown.firstOverdue':
    'Tindak lanjut pertama terlambat {days} {unit} (jatuh tempo {date})',
  'followUp.countdown.resolution': 'Penyelesaian jatuh tempo dalam {days} {unit} ({date})',
  'followUp.countdown.resolutionToday': 'Penyelesaian jatuh tempo hari ini ({date})',
  'followUp.countdown.resolutionOverdue':
    'Penyelesaian terlambat {days} {unit} (jatuh tempo {date})',
} as const;

export const followUpEn = {
  'followUp.title': 'Follow-ups',
  'followUp.command': 'Open the follow-up list',
  'followUp.keywords': 'follow-up reminder due deadline tindak lanjut pengingat',
  'followUp.entryDue': 'Follow-ups, due today or overdue: {count}',
  'followUp.window': 'Due within',
  'followUp.window.option': '{days} {unit}',
  'followUp.list': 'Reports whose follow-up is due',
  'followUp.summary': 'Reports due within {days} {unit}: {count}',
  'followUp.showing': 'Showing {shown} of {total} reports.',
  'followUp.more': 'Show more',
  'followUp.empty.title': 'No urgent follow-ups',
  'followUp.empty.body': 'No report has a follow-up due within the next {days} {unit}.',
  'followUp.loading': 'Loading follow-ups…',
  'followUp.error': 'The follow-up list could not be read from the data on this device.',
  'followUp.retry': 'Try again',
  'followUp.close': 'Close',
  'followUp.openFailed':
    'Report #{id} is no longer in its queue; its status may have just changed.',
  'followUp.dueOn': 'Due {date}',
  'followUp.autoCompleteOn': 'Completes automatically {date}',
  'followUp.unit.one': 'working day',
  'followUp.unit.other': 'working days',
  'followUp.left': '{days} {unit} left',
  'followUp.today': 'Today',
  'followUp.overdue': 'Overdue by {days} {unit}',
  'followUp.autoComplete': 'Completes automatically in {days} {unit}',
  'followUp.autoCompleteToday': 'Completes automatically today',
  'followUp.autoCompleteDue': 'Waiting for automatic completion',
  'followUp.reminder.today': 'Follow-ups due today: {count}',
  'followUp.reminder.overdue': 'Follow-ups due today or overdue: {count}',
  'followUp.reminder.view': 'Show list',
  'followUp.reminder.dismiss': 'Dismiss reminder',
  'followUp.notification.title': 'Posko: follow-ups due',
  'followUp.countdown.label': 'Follow-up deadline',
  'followUp.countdown.autoComplete':
    'Completes automatically in {days} {unit} ({date}) unless the reporter replies',
  'followUp.countdown.autoCompleteToday':
    'Completes automatically at the end of today ({date}) unless the reporter replies',
  'followUp.countdown.autoCompleteDue':
    'The reporter’s reply window ended {date}; the report will be completed automatically',
  'followUp.countdown.first': 'First follow-up due in {days} {unit} ({date})',
  'followUp.countdown.firstToday': 'First follow-up due today ({date})',
  'followUp.countdown.firstOverdue': 'First follow-up overdue by {days} {unit} (due {date})',
  'followUp.countdown.resolution': 'Resolution due in {days} {unit} ({date})',
  'followUp.countdown.resolutionToday': 'Resolution due today ({date})',
  'followUp.countdown.resolutionOverdue': 'Resolution overdue by {days} {unit} (due {date})',
} as const satisfies Record<keyof typeof followUpId, string>;
