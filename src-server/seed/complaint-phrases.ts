// Phrase banks for synthetic complaints in Bahasa Indonesia: per category leaf, the titles,
// problem sentences, requests and the agency's follow-up actions; plus the shared openings,
// closings, internal notes and replies. `{slot}` marks a value the generator fills in
// (complaint-text.ts lists them). Citizens write semi-formally; agencies answer formally.

export interface TopicPhrases {
  /** Titles of a complaint (pengaduan). */
  readonly titles: readonly string[];
  /** A noun phrase for suggestions and information requests: `layanan JKN di puskesmas`. */
  readonly topic: string;
  /** Sentences describing the problem. */
  readonly details: readonly string[];
  /** What the reporter asks the government to do. */
  readonly requests: readonly string[];
  /** Sentences of a suggestion (aspirasi). */
  readonly suggestions: readonly string[];
  /** What the agency reports having done, in its published answer. */
  readonly actions: readonly string[];
}

export const topicPhrases: Readonly<Record<string, TopicPhrases>> = {
  bpjs_kesehatan: {
    titles: [
      'Kartu BPJS Kesehatan tidak aktif padahal iuran sudah dibayar',
      'Antrean pendaftaran pasien BPJS di {rsud} sangat panjang',
      'Pasien BPJS diminta membeli obat sendiri di luar apotek rumah sakit',
      'Peserta PBI JKN dinonaktifkan tanpa pemberitahuan',
      'Rujukan BPJS dipersulit oleh {puskesmas}',
      'Pasien JKN ditolak rawat inap dengan alasan kamar penuh',
    ],
    topic: 'layanan JKN/BPJS Kesehatan',
    details: [
      'Saat berobat pada hari {hari} lalu, petugas menyampaikan bahwa kartu JKN saya berstatus tidak aktif, padahal iuran selalu saya bayar tepat waktu melalui aplikasi.',
      'Antrean pendaftaran pasien BPJS sudah dimulai sejak pukul 05.00 pagi dan loket baru dibuka pukul {jam}, sehingga banyak pasien lansia menunggu berjam-jam.',
      'Ibu saya yang berusia 67 tahun harus berdiri lama karena kursi di ruang tunggu tidak mencukupi.',
      'Petugas farmasi mengatakan obat yang diresepkan dokter sedang kosong dan kami diminta membeli sendiri di apotek luar dengan biaya sekitar {nominal}.',
      'Keluarga kami termasuk peserta PBI, tetapi sejak {durasi} lalu kartu tidak bisa digunakan dan tidak ada pemberitahuan apa pun dari Dinas Sosial maupun BPJS.',
      'Ketika meminta surat rujukan, kami diminta kembali minggu depan tanpa penjelasan yang jelas, padahal kondisi pasien memerlukan penanganan dokter spesialis.',
      'Pihak rumah sakit menyampaikan bahwa kamar kelas III penuh, namun kami melihat masih ada kamar kosong untuk pasien umum.',
      'Kami juga diminta membayar uang muka sebesar {nominal} sebelum pasien ditangani, padahal pasien terdaftar sebagai peserta JKN aktif.',
      'Informasi yang diberikan petugas di loket berbeda-beda sehingga kami bolak-balik antara loket pendaftaran dan ruang administrasi.',
      'Kami sudah menghubungi Care Center 165, tetapi disarankan untuk menanyakan langsung ke fasilitas kesehatan.',
    ],
    requests: [
      'Mohon agar status kepesertaan kami diperiksa dan diaktifkan kembali.',
      'Mohon Dinas Kesehatan menegur rumah sakit agar tidak membebankan biaya obat kepada pasien JKN.',
      'Kami berharap sistem antrean diperbaiki, misalnya dengan antrean daring, agar pasien tidak menunggu terlalu lama.',
    ],
    suggestions: [
      'Sebaiknya disediakan loket khusus lansia dan penyandang disabilitas untuk pasien JKN.',
      'Akan sangat membantu jika informasi ketersediaan kamar rawat inap dapat dilihat secara daring.',
    ],
    actions: [
      'telah melakukan klarifikasi kepada manajemen rumah sakit dan BPJS Kesehatan Cabang setempat terkait status kepesertaan Saudara',
      'telah meminta rumah sakit untuk memastikan ketersediaan obat sesuai Formularium Nasional sehingga pasien JKN tidak dibebani biaya tambahan',
      'telah mengoordinasikan penambahan petugas pendaftaran dan penerapan antrean daring mulai bulan depan',
    ],
  },
  puskesmas: {
    titles: [
      'Pelayanan di {puskesmas} lambat dan petugas kurang ramah',
      'Dokter jaga tidak ada di {puskesmas} pada jam pelayanan',
      'Ambulans {puskesmas} tidak bisa digunakan saat darurat',
      'Obat di {puskesmas} sering kosong',
      'Jadwal posyandu di {kelurahan} tidak jelas',
    ],
    topic: 'pelayanan puskesmas',
    details: [
      'Pada hari {hari} sekitar pukul {jam}, saya membawa anak saya yang demam tinggi ke {puskesmas}, namun harus menunggu lebih dari dua jam tanpa kepastian.',
      'Petugas di loket berbicara dengan nada tinggi kepada pasien lansia yang kurang paham prosedur pendaftaran.',
      'Menurut petugas, dokter sedang mengikuti rapat di dinas sehingga pasien hanya ditangani oleh perawat.',
      'Ketika kami membutuhkan ambulans untuk membawa ibu hamil ke rumah sakit, sopir ambulans tidak dapat dihubungi.',
      'Obat hipertensi yang biasa diberikan untuk ayah saya sudah {durasi} tidak tersedia sehingga kami terpaksa membeli di apotek.',
      'Ruang tunggu puskesmas sempit, panas, dan toiletnya tidak berfungsi.',
      'Kader posyandu menyampaikan bahwa jadwal imunisasi bulan ini ditunda, tetapi tidak ada pengumuman resmi.',
      'Beberapa warga di {kelurahan} mengeluhkan hal yang sama sehingga kami menyampaikannya melalui kanal ini.',
    ],
    requests: [
      'Mohon Dinas Kesehatan melakukan evaluasi terhadap pelayanan di puskesmas tersebut.',
      'Kami berharap ada kepastian jadwal dokter dan ketersediaan obat di puskesmas.',
      'Mohon agar ambulans puskesmas dapat dihubungi 24 jam untuk keadaan darurat.',
    ],
    suggestions: [
      'Kami mengusulkan agar jadwal dokter dan ketersediaan obat diumumkan di papan informasi dan media sosial puskesmas.',
      'Sebaiknya puskesmas membuka layanan pendaftaran melalui WhatsApp agar warga tidak perlu antre sejak subuh.',
    ],
    actions: [
      'telah melakukan pembinaan kepada kepala puskesmas dan petugas pendaftaran terkait standar pelayanan dan etika melayani pasien',
      'telah menyusun ulang jadwal jaga dokter sehingga setiap hari kerja terdapat dokter yang bertugas di puskesmas',
      'telah mendistribusikan tambahan obat dari Instalasi Farmasi Kabupaten/Kota ke puskesmas yang bersangkutan',
    ],
  },
  rumah_sakit: {
    titles: [
      'Pelayanan IGD {rsud} lambat menangani pasien kecelakaan',
      'Biaya tambahan yang tidak jelas di {rsud}',
      'Kebersihan ruang rawat inap {rsud} sangat buruk',
      'Hasil laboratorium di {rsud} baru keluar setelah berhari-hari',
    ],
    topic: 'pelayanan rumah sakit daerah',
    details: [
      'Pasien korban kecelakaan lalu lintas dibiarkan di lorong IGD hampir satu jam sebelum diperiksa dokter.',
      'Saat pulang, kami menerima tagihan tambahan sebesar {nominal} tanpa rincian yang jelas dari bagian kasir.',
      'Toilet di ruang rawat inap kelas III tidak ada air dan lantainya kotor selama beberapa hari.',
      'Hasil pemeriksaan laboratorium yang dijanjikan selesai satu hari ternyata baru keluar setelah empat hari.',
      'Keluarga pasien tidak mendapatkan penjelasan dari dokter mengenai tindakan yang akan dilakukan.',
      'Petugas keamanan melarang keluarga menunggu di dalam ruangan tetapi tidak menyediakan ruang tunggu yang layak.',
      'Kami sudah menyampaikan keluhan ke bagian pengaduan rumah sakit, namun belum ada tanggapan.',
    ],
    requests: [
      'Mohon manajemen rumah sakit memberikan penjelasan tertulis mengenai rincian biaya tersebut.',
      'Kami mohon agar pelayanan IGD dievaluasi sehingga pasien gawat darurat segera ditangani.',
    ],
    suggestions: [
      'Kami mengusulkan agar rumah sakit menampilkan estimasi waktu pemeriksaan laboratorium kepada pasien.',
    ],
    actions: [
      'telah meminta Direktur RSUD melakukan audit internal terhadap penanganan pasien di Instalasi Gawat Darurat',
      'telah memperoleh klarifikasi dari bagian keuangan RSUD; tagihan tambahan tersebut telah dikoreksi dan kelebihan pembayaran akan dikembalikan',
      'telah menugaskan instalasi sanitasi RSUD untuk memperbaiki fasilitas air bersih dan meningkatkan jadwal kebersihan ruang rawat inap',
    ],
  },
  ppdb: {
    titles: [
      'Dugaan kecurangan jalur zonasi PPDB di {sekolah}',
      'Situs pendaftaran PPDB sering tidak bisa diakses',
      'Anak saya tidak diterima padahal rumah dekat dengan {sekolah}',
      'Dugaan jual beli kursi PPDB di {sekolah}',
      'Kuota jalur afirmasi PPDB tidak transparan',
    ],
    topic: 'penerimaan peserta didik baru',
    details: [
      'Rumah kami hanya berjarak sekitar 400 meter dari {sekolah}, tetapi anak kami dinyatakan tidak lolos jalur zonasi.',
      'Kami menemukan beberapa calon siswa yang alamat di Kartu Keluarganya baru dipindahkan ke sekitar sekolah beberapa bulan sebelum pendaftaran.',
      'Situs pendaftaran sering menampilkan pesan galat pada jam-jam sibuk sehingga kami harus mencoba berkali-kali hingga tengah malam.',
      'Ada oknum yang menawarkan kursi di sekolah tersebut dengan imbalan sekitar {nominal}.',
      'Pengumuman hasil seleksi tidak mencantumkan jarak dan nilai calon siswa sehingga orang tua tidak bisa memeriksa kebenarannya.',
      'Saat kami bertanya ke panitia, kami hanya diminta menunggu pengumuman tahap berikutnya.',
      'Anak kami berasal dari keluarga penerima PKH, tetapi tidak bisa mendaftar melalui jalur afirmasi karena kuota disebut sudah penuh.',
    ],
    requests: [
      'Mohon Dinas Pendidikan memeriksa kembali hasil seleksi jalur zonasi di sekolah tersebut.',
      'Kami mohon agar proses PPDB dilakukan secara transparan dan oknum yang terlibat ditindak tegas.',
    ],
    suggestions: [
      'Kami mengusulkan agar peta zonasi dan jarak setiap pendaftar ditampilkan secara terbuka di situs PPDB.',
    ],
    actions: [
      'telah melakukan verifikasi ulang terhadap data domisili pendaftar jalur zonasi pada sekolah dimaksud',
      'telah menambah kapasitas server dan membuka posko bantuan PPDB di setiap kecamatan',
      'telah memanggil panitia PPDB sekolah untuk klarifikasi dan meneruskan dugaan pungutan kepada Inspektorat',
    ],
  },
  pungutan_sekolah: {
    titles: [
      'Pungutan uang seragam dan buku di {sekolah}',
      'Sekolah menahan ijazah karena tunggakan iuran komite',
      'Siswa diwajibkan membayar study tour di {sekolah}',
      'Iuran komite sekolah memberatkan orang tua murid',
    ],
    topic: 'pungutan di sekolah negeri',
    details: [
      'Setiap orang tua murid kelas satu diminta membayar {nominal} untuk seragam, buku LKS, dan kegiatan sekolah.',
      'Pembayaran tersebut disampaikan melalui grup WhatsApp wali kelas dengan batas waktu satu minggu.',
      'Ijazah anak kami belum diberikan karena masih ada tunggakan iuran komite sebesar {nominal}.',
      'Orang tua yang belum membayar diumumkan namanya di depan kelas sehingga anak-anak merasa malu.',
      'Kegiatan study tour ke luar kota disebut wajib dan nilai siswa yang tidak ikut akan dikurangi.',
      'Setahu kami sekolah negeri sudah menerima dana BOS sehingga pungutan seperti ini tidak diperbolehkan.',
      'Kami tidak berani menyampaikan keberatan langsung karena khawatir anak kami diperlakukan berbeda.',
    ],
    requests: [
      'Mohon Dinas Pendidikan menindaklanjuti pungutan tersebut dan memastikan ijazah siswa diserahkan.',
      'Kami mohon agar identitas kami dirahasiakan karena anak kami masih bersekolah di sana.',
    ],
    suggestions: [
      'Sebaiknya rencana penggunaan dana BOS dan sumbangan komite diumumkan terbuka kepada orang tua murid.',
    ],
    actions: [
      'telah memanggil kepala sekolah dan ketua komite untuk klarifikasi serta menegaskan larangan pungutan sesuai ketentuan',
      'telah memastikan ijazah siswa diserahkan tanpa syarat pelunasan iuran apa pun',
      'telah menerbitkan surat edaran kepada seluruh satuan pendidikan mengenai larangan pungutan yang bersifat wajib',
    ],
  },
  guru_honorer: {
    titles: [
      'Honor guru honorer di {sekolah} belum dibayar {durasi}',
      'Tunjangan guru honorer dipotong tanpa penjelasan',
      'Data guru honorer tidak masuk pendataan non-ASN',
    ],
    topic: 'kesejahteraan guru honorer',
    details: [
      'Saya mengajar sebagai guru honorer sejak 2016, dan honor bulanan kami belum dibayarkan selama {durasi}.',
      'Honor yang kami terima hanya sekitar {nominal} per bulan, dan pembayarannya sering terlambat.',
      'Bendahara sekolah menyampaikan bahwa dana BOS belum cair, tetapi sekolah lain di kecamatan yang sama sudah menerima.',
      'Nama saya tidak tercantum dalam hasil pendataan tenaga non-ASN, padahal seluruh berkas sudah saya serahkan.',
      'Kami sudah menyampaikan hal ini ke operator sekolah, tetapi disarankan untuk menunggu.',
    ],
    requests: [
      'Mohon kejelasan jadwal pembayaran honor dan perbaikan data kami dalam pendataan non-ASN.',
    ],
    suggestions: ['Kami berharap ada jadwal pembayaran honor yang pasti setiap bulan.'],
    actions: [
      'telah berkoordinasi dengan sekolah terkait percepatan pembayaran honor yang bersumber dari dana BOS',
      'telah memverifikasi berkas Saudara dan mengusulkan perbaikan data pada pendataan tenaga non-ASN',
    ],
  },
  bantuan_pendidikan: {
    titles: [
      'Dana PIP anak saya tidak pernah diterima',
      'Pencairan KIP dipotong oleh pihak sekolah',
      'Siswa kurang mampu tidak diusulkan menerima PIP',
    ],
    topic: 'Program Indonesia Pintar',
    details: [
      'Nama anak saya tercantum sebagai penerima PIP di situs resmi, tetapi dana tersebut tidak pernah kami terima.',
      'Saat pencairan di bank, wali kelas meminta setiap siswa menyerahkan {nominal} dengan alasan biaya administrasi.',
      'Buku tabungan dan kartu ATM siswa dipegang oleh pihak sekolah.',
      'Anak tetangga kami yang berasal dari keluarga kurang mampu tidak diusulkan, sedangkan siswa dari keluarga mampu justru menerima.',
    ],
    requests: ['Mohon dana PIP disalurkan langsung kepada siswa tanpa potongan.'],
    suggestions: [
      'Sebaiknya daftar penerima PIP diumumkan di sekolah agar orang tua dapat memeriksa.',
    ],
    actions: [
      'telah meminta sekolah mengembalikan buku tabungan kepada siswa dan menghentikan potongan dalam bentuk apa pun',
      'telah memeriksa status penerima melalui Dapodik dan memfasilitasi aktivasi rekening PIP di bank penyalur',
    ],
  },
  angkutan_umum: {
    titles: [
      'Sopir angkot menaikkan tarif seenaknya di rute {jalan}',
      'Bus trayek {kecamatan} sering tidak beroperasi',
      'Angkot ngetem sembarangan di depan {pasar}',
    ],
    topic: 'angkutan umum',
    details: [
      'Tarif angkot yang seharusnya Rp5.000 dinaikkan menjadi Rp8.000 tanpa ada pengumuman resmi.',
      'Angkot sering berhenti lama menunggu penumpang di depan {pasar} sehingga menimbulkan kemacetan panjang.',
      'Pada sore hari bus trayek ke {kecamatan} jarang terlihat, sehingga pekerja dan pelajar harus menunggu lebih dari satu jam.',
      'Beberapa kendaraan terlihat sudah tidak laik jalan, pintunya tidak bisa ditutup dan lampunya mati.',
      'Penumpang perempuan merasa tidak nyaman karena sopir sering memutar musik terlalu keras dan merokok di dalam kendaraan.',
    ],
    requests: ['Mohon Dinas Perhubungan melakukan penertiban dan pengawasan tarif angkutan umum.'],
    suggestions: [
      'Kami mengusulkan jadwal keberangkatan bus ditempel di halte agar warga bisa merencanakan perjalanan.',
    ],
    actions: [
      'telah melakukan penertiban bersama Satlantas terhadap angkutan yang berhenti sembarangan di lokasi dimaksud',
      'telah memanggil pengurus koperasi angkutan untuk menegaskan kembali tarif resmi sesuai keputusan kepala daerah',
    ],
  },
  parkir: {
    titles: [
      'Juru parkir liar di {jalan} memungut tarif berlebihan',
      'Parkir liar di bahu {jalan} menyebabkan macet',
      'Karcis parkir tidak diberikan di depan {pasar}',
    ],
    topic: 'pengelolaan parkir',
    details: [
      'Juru parkir di depan minimarket di {jalan} meminta {nominal} untuk sepeda motor, jauh di atas tarif resmi.',
      'Juru parkir tersebut tidak menggunakan rompi resmi dan tidak pernah memberikan karcis.',
      'Kendaraan diparkir dua lapis di bahu jalan sehingga jalan menyempit dan sering terjadi kemacetan pada jam sibuk.',
      'Ketika saya menanyakan karcis, juru parkir justru marah dan berkata kasar.',
      'Setiap malam area trotoar digunakan untuk parkir sehingga pejalan kaki harus berjalan di badan jalan.',
    ],
    requests: [
      'Mohon Dinas Perhubungan menertibkan juru parkir liar di lokasi tersebut.',
      'Kami berharap ada pengawasan rutin agar tarif parkir sesuai peraturan daerah.',
    ],
    suggestions: ['Kami mengusulkan penerapan parkir nontunai agar retribusi masuk ke kas daerah.'],
    actions: [
      'telah melakukan penertiban juru parkir tidak resmi di lokasi dimaksud bersama Satpol PP',
      'telah memasang papan informasi tarif retribusi parkir dan menugaskan petugas pengawas lapangan',
    ],
  },
  lalu_lintas: {
    titles: [
      'Lampu lalu lintas di simpang {jalan} mati',
      'Rambu dilarang parkir tertutup pohon di {jalan}',
      'Perlu zebra cross di depan {sekolah}',
    ],
    topic: 'rambu dan lampu lalu lintas',
    details: [
      'Lampu lalu lintas di simpang empat {jalan} sudah mati selama {durasi} sehingga kendaraan saling serobot.',
      'Sudah terjadi beberapa kali kecelakaan kecil di lokasi tersebut, terutama pada pagi hari.',
      'Rambu larangan berhenti tertutup ranting pohon sehingga tidak terlihat oleh pengendara.',
      'Anak-anak sekolah harus menyeberang jalan yang ramai tanpa zebra cross dan tanpa petugas.',
    ],
    requests: ['Mohon segera dilakukan perbaikan agar tidak terjadi kecelakaan.'],
    suggestions: [
      'Kami mengusulkan pemasangan pita penggaduh dan rambu hati-hati di depan sekolah.',
    ],
    actions: [
      'telah memperbaiki modul kontrol lampu lalu lintas di simpang dimaksud dan lampu kini berfungsi normal',
      'telah memangkas ranting yang menutupi rambu dan menjadwalkan pengecatan ulang marka penyeberangan',
    ],
  },
  ktp_el: {
    titles: [
      'KTP-el belum jadi setelah {durasi} menunggu',
      'Blangko KTP-el kosong di Disdukcapil {wilayah}',
      'Perekaman KTP-el di kecamatan dipungut biaya',
      'Data KTP-el saya tertukar dengan orang lain',
      'KTP-el rusak tidak bisa dicetak ulang',
    ],
    topic: 'pelayanan KTP elektronik',
    details: [
      'Saya sudah melakukan perekaman KTP-el di kantor {kecamatan} sejak {durasi} yang lalu, tetapi sampai sekarang KTP belum juga dicetak.',
      'Setiap kali saya datang, petugas menyampaikan bahwa blangko sedang kosong dan saya hanya diberikan surat keterangan.',
      'Surat keterangan pengganti KTP sering tidak diterima oleh bank dan kantor lain.',
      'Petugas di kecamatan meminta uang {nominal} agar KTP bisa selesai lebih cepat.',
      'Ketika dicek di aplikasi, nama ibu kandung dan tanggal lahir saya tercatat salah.',
      'KTP-el saya patah sehingga ditolak saat akan membuka rekening, tetapi cetak ulang disebut harus menunggu antrean panjang.',
      'Saya membutuhkan KTP untuk melamar pekerjaan dan mendaftar BPJS Kesehatan.',
    ],
    requests: [
      'Mohon kepastian kapan KTP-el saya dapat dicetak.',
      'Mohon agar petugas yang meminta uang ditindak sesuai aturan.',
    ],
    suggestions: [
      'Kami mengusulkan agar status pencetakan KTP-el dapat dipantau melalui situs atau WhatsApp Disdukcapil.',
    ],
    actions: [
      'telah melakukan pengecekan data Saudara pada SIAK Terpusat; KTP-el Saudara telah dicetak dan dapat diambil di kantor kecamatan',
      'telah menerima tambahan blangko KTP-el dan memprioritaskan pencetakan bagi antrean terlama',
      'telah memeriksa petugas kecamatan yang bersangkutan dan menegaskan bahwa seluruh layanan adminduk tidak dipungut biaya',
    ],
  },
  kartu_keluarga: {
    titles: [
      'Pengurusan Kartu Keluarga di {kelurahan} berbelit-belit',
      'Perubahan data KK tidak kunjung selesai',
      'Diminta surat pengantar RT/RW berulang kali untuk KK',
    ],
    topic: 'pelayanan Kartu Keluarga',
    details: [
      'Saya mengajukan penambahan anggota keluarga karena kelahiran anak kedua, tetapi setelah {durasi} KK baru belum terbit.',
      'Setiap datang ke kelurahan saya diminta melengkapi dokumen yang berbeda-beda.',
      'Petugas menyarankan menggunakan jasa calo agar lebih cepat dengan biaya {nominal}.',
      'Permohonan melalui aplikasi daring sudah saya ajukan, tetapi statusnya masih diproses sejak lama.',
    ],
    requests: ['Mohon kejelasan persyaratan dan waktu penyelesaian Kartu Keluarga.'],
    suggestions: [
      'Sebaiknya daftar persyaratan dipasang di setiap kantor kelurahan agar tidak berbeda-beda.',
    ],
    actions: [
      'telah menerbitkan Kartu Keluarga Saudara dalam bentuk dokumen elektronik yang dapat dicetak mandiri',
      'telah menegaskan kepada petugas kelurahan bahwa persyaratan layanan mengikuti standar pelayanan yang berlaku',
    ],
  },
  akta: {
    titles: [
      'Akta kelahiran anak belum terbit',
      'Pengurusan akta kematian dipersulit',
      'Salah ketik pada akta kelahiran tidak segera diperbaiki',
    ],
    topic: 'pelayanan akta kelahiran dan akta kematian',
    details: [
      'Anak saya lahir pada bulan lalu dan berkas akta kelahiran sudah kami serahkan, tetapi akta belum juga terbit.',
      'Untuk akta kematian ayah kami, petugas meminta surat keterangan dari rumah sakit yang sudah tidak kami miliki.',
      'Terdapat kesalahan penulisan nama anak pada akta, dan perbaikannya disebut memerlukan waktu satu bulan.',
      'Kami tinggal cukup jauh dari kantor Disdukcapil sehingga harus mengeluarkan biaya transportasi setiap kali datang.',
    ],
    requests: ['Mohon akta segera diterbitkan atau diperbaiki.'],
    suggestions: ['Kami mengusulkan layanan jemput bola akta kelahiran di desa-desa yang jauh.'],
    actions: [
      'telah memperbaiki data pada akta kelahiran dan menerbitkan akta baru yang dapat diambil di kantor Disdukcapil',
      'telah menjadwalkan layanan jemput bola pencatatan sipil di kecamatan Saudara',
    ],
  },
  izin_usaha: {
    titles: [
      'Pengurusan NIB melalui OSS terkendala verifikasi',
      'Izin usaha mikro diminta biaya oleh oknum',
      'Sertifikat standar usaha tidak kunjung diverifikasi',
    ],
    topic: 'perizinan berusaha',
    details: [
      'Saya mengajukan sertifikat standar untuk usaha katering rumahan melalui OSS, namun statusnya belum diverifikasi selama {durasi}.',
      'Ketika datang ke Mal Pelayanan Publik, petugas menyampaikan bahwa verifikasi menunggu dinas teknis.',
      'Ada pihak yang menawarkan jasa pengurusan izin dengan biaya {nominal} dan mengaku kenal dengan petugas.',
      'Usaha saya tidak dapat mengikuti pengadaan karena izin belum lengkap.',
    ],
    requests: ['Mohon percepatan verifikasi perizinan usaha kami.'],
    suggestions: ['Kami mengusulkan pendampingan OSS bagi pelaku usaha mikro di setiap kecamatan.'],
    actions: [
      'telah menyelesaikan verifikasi permohonan Saudara; sertifikat standar telah terbit pada sistem OSS',
      'telah membuka layanan pendampingan perizinan usaha mikro di Mal Pelayanan Publik setiap hari kerja',
    ],
  },
  pbg: {
    titles: [
      'Pembangunan gedung tanpa PBG di {jalan}',
      'Permohonan PBG rumah tinggal tidak diproses',
    ],
    topic: 'persetujuan bangunan gedung',
    details: [
      'Di {jalan} sedang dibangun ruko tiga lantai yang menutup saluran air dan diduga belum memiliki PBG.',
      'Permohonan PBG rumah tinggal saya melalui SIMBG belum diproses selama {durasi}.',
      'Pekerjaan konstruksi dilakukan hingga malam hari sehingga mengganggu warga sekitar.',
    ],
    requests: ['Mohon dilakukan pemeriksaan perizinan bangunan tersebut.'],
    suggestions: ['Sebaiknya papan informasi PBG dipasang di setiap lokasi pembangunan.'],
    actions: [
      'telah melakukan pemeriksaan lapangan bersama Satpol PP dan menerbitkan surat peringatan kepada pemilik bangunan',
      'telah memproses permohonan PBG Saudara dan menjadwalkan konsultasi dengan Tim Profesi Ahli',
    ],
  },
  sampah: {
    titles: [
      'Sampah menumpuk di TPS {kelurahan}',
      'Truk sampah tidak mengangkut sampah selama {durasi}',
      'Warga membuang sampah ke sungai di {kelurahan}',
      'Bau busuk dari TPS dekat {sekolah}',
    ],
    topic: 'pengelolaan sampah',
    details: [
      'Sampah di TPS dekat {jalan} sudah menumpuk hingga ke badan jalan dan menimbulkan bau tidak sedap.',
      'Truk pengangkut sampah biasanya datang dua kali seminggu, tetapi sudah {durasi} tidak terlihat.',
      'Saat hujan, air lindi dari tumpukan sampah mengalir ke rumah-rumah warga.',
      'Banyak lalat dan tikus di sekitar permukiman sehingga warga khawatir akan penyakit.',
      'Sebagian warga akhirnya membakar sampah sehingga asapnya mengganggu pernapasan anak-anak.',
      'Kami sudah membayar iuran kebersihan setiap bulan sebesar {nominal}.',
    ],
    requests: [
      'Mohon sampah segera diangkut dan jadwal pengangkutan diperbaiki.',
      'Kami berharap TPS tersebut dipindahkan atau dikelola dengan lebih baik.',
    ],
    suggestions: [
      'Kami mengusulkan pembentukan bank sampah di setiap kelurahan.',
      'Sebaiknya jadwal pengangkutan sampah diumumkan agar warga tidak membuang sampah di luar jadwal.',
    ],
    actions: [
      'telah mengangkut timbulan sampah di lokasi dimaksud dan menambah ritase pengangkutan menjadi tiga kali seminggu',
      'telah memperbaiki armada truk pengangkut yang rusak dan menyusun ulang jadwal pengangkutan',
      'telah berkoordinasi dengan kelurahan untuk sosialisasi pemilahan sampah dan pembentukan bank sampah',
    ],
  },
  pencemaran: {
    titles: [
      'Limbah pabrik mencemari sungai di {kelurahan}',
      'Asap dari pabrik di {kecamatan} mengganggu warga',
      'Bengkel membuang oli bekas ke saluran air',
    ],
    topic: 'pencemaran lingkungan',
    details: [
      'Air sungai di belakang permukiman berubah warna menjadi hitam dan berbau menyengat setiap malam.',
      'Ikan-ikan di kolam warga mati setelah air sungai tercemar.',
      'Asap hitam dari cerobong pabrik terlihat hampir setiap pagi dan debunya menempel di jemuran warga.',
      'Beberapa anak di lingkungan kami mengalami batuk dan sesak napas.',
      'Bengkel di {jalan} membuang oli bekas ke saluran air sehingga air selokan berminyak.',
    ],
    requests: ['Mohon Dinas Lingkungan Hidup melakukan uji kualitas air dan menindak pelaku.'],
    suggestions: [
      'Kami mengusulkan pemantauan kualitas udara yang hasilnya diumumkan kepada warga.',
    ],
    actions: [
      'telah mengambil sampel air dan menguji di laboratorium lingkungan; hasilnya menjadi dasar sanksi administratif kepada perusahaan',
      'telah memanggil pemilik usaha dan mewajibkan pengelolaan limbah B3 sesuai ketentuan',
    ],
  },
  penggunaan_dana_desa: {
    titles: [
      'Penggunaan dana desa di {desa} tidak transparan',
      'Proyek jalan desa dari dana desa mangkrak di {desa}',
      'APBDes {desa} tidak pernah diumumkan',
      'Dugaan penyalahgunaan dana desa untuk kepentingan pribadi',
    ],
    topic: 'penggunaan dana desa',
    details: [
      'Papan informasi APBDes tidak pernah dipasang di kantor desa sehingga warga tidak mengetahui rencana penggunaan dana desa.',
      'Pembangunan jalan rabat beton sepanjang 300 meter yang dimulai tahun lalu baru selesai sebagian dan kini terbengkalai.',
      'Kualitas pekerjaan sangat buruk; beton sudah retak dan berlubang dalam hitungan bulan.',
      'Musyawarah desa hanya dihadiri perangkat desa dan beberapa orang dekat kepala desa.',
      'Kami mendengar bahwa anggaran kegiatan tersebut sekitar {nominal}, tetapi hasilnya tidak sebanding.',
      'Warga yang mempertanyakan penggunaan dana justru mendapat tekanan dari perangkat desa.',
    ],
    requests: [
      'Mohon dilakukan pemeriksaan terhadap penggunaan dana desa dan hasilnya disampaikan kepada warga.',
      'Kami mohon identitas kami dirahasiakan.',
    ],
    suggestions: [
      'Kami mengusulkan agar realisasi dana desa diumumkan di papan informasi dan media sosial desa setiap semester.',
    ],
    actions: [
      'telah melakukan monitoring dan evaluasi penggunaan dana desa bersama pendamping desa dan camat setempat',
      'telah meminta pemerintah desa memasang papan informasi APBDes dan menyelenggarakan musyawarah desa yang terbuka',
      'telah meneruskan temuan kepada Inspektorat untuk dilakukan audit dengan tujuan tertentu',
    ],
  },
  blt_dana_desa: {
    titles: [
      'BLT dana desa tidak tepat sasaran di {desa}',
      'BLT dana desa dipotong oleh perangkat desa',
      'Pencairan BLT dana desa terlambat {durasi}',
    ],
    topic: 'bantuan langsung tunai dana desa',
    details: [
      'Beberapa keluarga yang tergolong mampu menerima BLT, sementara janda lansia di RT kami tidak terdaftar.',
      'Penerima BLT diminta menyerahkan {nominal} kepada perangkat desa dengan alasan uang kas.',
      'Pencairan BLT untuk triwulan ini belum dilakukan, padahal desa tetangga sudah menerima.',
      'Daftar penerima tidak pernah diumumkan dan ditetapkan tanpa musyawarah desa khusus.',
    ],
    requests: ['Mohon pendataan penerima BLT diperbaiki dan pemotongan dihentikan.'],
    suggestions: ['Sebaiknya daftar penerima BLT ditempel di kantor desa dan tempat umum.'],
    actions: [
      'telah memverifikasi data penerima BLT dana desa bersama pendamping desa dan meminta pemutakhiran melalui musyawarah desa khusus',
      'telah meminta pemerintah desa mengembalikan potongan kepada keluarga penerima manfaat',
    ],
  },
  jalan_rusak: {
    titles: [
      'Jalan rusak parah di {jalan} {kelurahan}',
      'Jalan berlubang di {jalan} membahayakan pengendara',
      'Perbaikan jalan di {jalan} tidak kunjung dilakukan',
      'Jalan penghubung ke {desa} rusak dan berlumpur',
      'Aspal baru di {jalan} sudah mengelupas',
      'Jembatan kayu di {desa} nyaris putus',
    ],
    topic: 'perbaikan jalan',
    details: [
      'Di {jalan} terdapat banyak lubang dengan kedalaman sekitar 20–30 sentimeter sepanjang kurang lebih 500 meter.',
      'Saat hujan, lubang-lubang tersebut tergenang air sehingga tidak terlihat oleh pengendara sepeda motor.',
      'Dalam {durasi} terakhir sudah beberapa kali terjadi kecelakaan, termasuk seorang pelajar yang terjatuh dan patah tangan.',
      'Jalan tersebut merupakan akses utama warga menuju pasar, sekolah, dan puskesmas.',
      'Warga sempat menimbun lubang dengan batu dan tanah secara swadaya, tetapi cepat rusak kembali karena dilalui truk bermuatan berat.',
      'Perbaikan terakhir dilakukan sekitar dua tahun lalu dan aspalnya sudah mengelupas.',
      'Pada malam hari kondisi jalan sangat gelap karena lampu jalan juga mati.',
      'Ketika musim hujan jalan menuju {desa} berubah menjadi kubangan lumpur sehingga kendaraan roda empat tidak bisa lewat.',
      'Hasil pengaspalan yang baru selesai tiga bulan lalu sudah retak dan berlubang, diduga karena kualitas pekerjaan kurang baik.',
      'Jembatan kayu di ujung jalan sudah lapuk dan beberapa papannya hilang, padahal setiap hari dilewati anak sekolah.',
    ],
    requests: [
      'Mohon Dinas PUPR segera memperbaiki jalan tersebut sebelum jatuh korban lagi.',
      'Kami berharap ada penanganan sementara, setidaknya penambalan lubang dan pemasangan rambu peringatan.',
      'Mohon informasi apakah ruas jalan ini masuk rencana perbaikan tahun ini.',
    ],
    suggestions: [
      'Kami mengusulkan pembatasan tonase kendaraan yang melintas di ruas jalan tersebut.',
      'Sebaiknya perbaikan jalan dilengkapi dengan saluran drainase agar tidak cepat rusak.',
    ],
    actions: [
      'telah melakukan penanganan sementara berupa penambalan lubang pada ruas jalan dimaksud',
      'telah melakukan survei lapangan; ruas jalan tersebut masuk dalam program rekonstruksi jalan tahun anggaran berjalan',
      'telah meminta penyedia jasa melakukan perbaikan dalam masa pemeliharaan atas kerusakan aspal yang baru dikerjakan',
      'telah memasang rambu peringatan dan menjadwalkan penggantian jembatan dengan konstruksi beton',
    ],
  },
  drainase_banjir: {
    titles: [
      'Saluran drainase di {jalan} tersumbat, rumah warga kebanjiran',
      'Banjir setiap hujan di {kelurahan}',
      'Gorong-gorong di {jalan} ambruk',
    ],
    topic: 'drainase dan penanganan banjir',
    details: [
      'Setiap kali hujan deras lebih dari satu jam, air meluap dari saluran dan masuk ke rumah warga setinggi lutut.',
      'Saluran drainase di sepanjang {jalan} dipenuhi sedimen dan sampah sehingga air tidak mengalir.',
      'Gorong-gorong di depan masjid ambruk sehingga sebagian badan jalan ikut amblas.',
      'Banjir sudah terjadi tiga kali dalam {durasi} terakhir dan merusak perabot warga.',
      'Warga sudah melakukan kerja bakti, tetapi sedimen di bawah jalan tidak bisa dijangkau tanpa alat berat.',
    ],
    requests: ['Mohon dilakukan normalisasi saluran dan perbaikan gorong-gorong.'],
    suggestions: ['Kami mengusulkan pembuatan sumur resapan di kawasan permukiman padat.'],
    actions: [
      'telah melakukan normalisasi saluran dengan alat berat dan mengangkut sedimen dari saluran dimaksud',
      'telah memperbaiki gorong-gorong yang ambruk dan memasang pengaman sementara di lokasi',
    ],
  },
  penerangan_jalan: {
    titles: [
      'Lampu penerangan jalan di {jalan} mati',
      'PJU di {kelurahan} padam, rawan kejahatan',
      'Tiang lampu jalan di {jalan} miring hampir roboh',
    ],
    topic: 'penerangan jalan umum',
    details: [
      'Sebanyak tujuh titik lampu penerangan jalan di {jalan} padam sejak {durasi} yang lalu.',
      'Kondisi jalan sangat gelap pada malam hari dan sudah terjadi dua kali penjambretan.',
      'Tiang lampu di dekat tikungan terlihat miring setelah tertabrak truk dan kabelnya menjuntai.',
      'Warga yang pulang kerja malam hari merasa tidak aman melewati jalan tersebut.',
    ],
    requests: ['Mohon lampu penerangan jalan segera diperbaiki.'],
    suggestions: [
      'Kami mengusulkan penggunaan lampu tenaga surya di ruas jalan yang jauh dari jaringan listrik.',
    ],
    actions: [
      'telah mengganti lampu yang padam dan memperbaiki jaringan kabel penerangan jalan umum di lokasi dimaksud',
      'telah menegakkan kembali tiang lampu yang miring dan mengamankan kabel yang menjuntai',
    ],
  },
  upah_thr: {
    titles: [
      'THR karyawan tidak dibayar oleh perusahaan di {kecamatan}',
      'Gaji di bawah UMK dan sering terlambat',
      'Upah lembur tidak dibayar perusahaan',
    ],
    topic: 'pengupahan dan THR',
    details: [
      'Saya bekerja di sebuah perusahaan distribusi di {kecamatan}, dan THR tahun ini tidak dibayarkan kepada sekitar 40 karyawan.',
      'Gaji yang kami terima hanya {nominal} per bulan, jauh di bawah upah minimum kabupaten/kota.',
      'Kami sering diminta lembur hingga malam tanpa upah lembur dan tanpa surat perintah lembur.',
      'Ketika kami menanyakan kepada HRD, kami diancam tidak diperpanjang kontraknya.',
    ],
    requests: ['Mohon dilakukan pemeriksaan oleh pengawas ketenagakerjaan.'],
    suggestions: ['Kami mengusulkan posko pengaduan THR dibuka lebih awal setiap tahun.'],
    actions: [
      'telah melakukan pemeriksaan oleh Pengawas Ketenagakerjaan dan menerbitkan nota pemeriksaan kepada perusahaan',
      'telah memfasilitasi perundingan bipartit; perusahaan menyanggupi pembayaran THR dalam waktu tujuh hari',
    ],
  },
  phk: {
    titles: ['PHK sepihak tanpa pesangon', 'Karyawan kontrak diberhentikan tanpa pemberitahuan'],
    topic: 'pemutusan hubungan kerja',
    details: [
      'Saya diberhentikan secara lisan oleh atasan setelah bekerja selama enam tahun, tanpa surat dan tanpa pesangon.',
      'Perusahaan beralasan sedang melakukan efisiensi, tetapi justru merekrut karyawan baru.',
      'Sisa gaji bulan terakhir juga belum dibayarkan.',
    ],
    requests: ['Mohon fasilitasi mediasi hubungan industrial.'],
    suggestions: ['Kami berharap informasi prosedur mediasi lebih mudah diakses pekerja.'],
    actions: [
      'telah memanggil para pihak untuk mediasi hubungan industrial dan menerbitkan anjuran tertulis',
    ],
  },
  bpjs_ketenagakerjaan: {
    titles: [
      'Perusahaan tidak mendaftarkan karyawan ke BPJS Ketenagakerjaan',
      'Iuran BPJS Ketenagakerjaan dipotong tetapi tidak disetorkan',
    ],
    topic: 'kepesertaan BPJS Ketenagakerjaan',
    details: [
      'Gaji kami dipotong setiap bulan untuk iuran BPJS Ketenagakerjaan, tetapi saat dicek di aplikasi, iuran tidak pernah disetorkan.',
      'Sebagian besar karyawan harian lepas tidak didaftarkan sama sekali.',
      'Rekan kami mengalami kecelakaan kerja dan biaya pengobatannya tidak dapat ditanggung.',
    ],
    requests: ['Mohon perusahaan diperiksa dan diwajibkan mendaftarkan seluruh pekerja.'],
    suggestions: [
      'Kami mengusulkan sosialisasi hak pekerja atas jaminan sosial di kawasan industri.',
    ],
    actions: [
      'telah melakukan pemeriksaan bersama BPJS Ketenagakerjaan; perusahaan diwajibkan mendaftarkan seluruh pekerja dan melunasi tunggakan iuran',
    ],
  },
  bansos: {
    titles: [
      'Bansos PKH tidak diterima sejak {durasi}',
      'Penerima BPNT di {kelurahan} tidak tepat sasaran',
      'Saldo KKS kosong saat pencairan bansos',
      'Pendamping PKH meminta potongan bantuan',
    ],
    topic: 'penyaluran bantuan sosial',
    details: [
      'Keluarga kami terdaftar di DTKS dan sebelumnya rutin menerima PKH, tetapi sejak {durasi} bantuan tidak lagi masuk.',
      'Saat kami cek ke agen bank, saldo di Kartu Keluarga Sejahtera tercatat nol.',
      'Di lingkungan kami ada penerima BPNT yang memiliki mobil dan rumah bertingkat, sedangkan warga lansia yang tidak mampu tidak terdaftar.',
      'Pendamping meminta setiap penerima menyerahkan {nominal} setelah pencairan dengan alasan biaya transportasi.',
      'Kami sudah melapor ke kelurahan dan diminta mengisi formulir usulan, tetapi belum ada kabar.',
    ],
    requests: [
      'Mohon data kami diperiksa kembali dan bantuan disalurkan sesuai haknya.',
      'Kami berharap pendataan penerima bantuan dilakukan secara adil dan terbuka.',
    ],
    suggestions: [
      'Kami mengusulkan agar musyawarah kelurahan untuk pemutakhiran DTKS dilakukan secara terbuka.',
    ],
    actions: [
      'telah memeriksa status Saudara pada Data Terpadu Kesejahteraan Sosial dan mengusulkan pemutakhiran data melalui aplikasi SIKS-NG',
      'telah meminta klarifikasi kepada koordinator pendamping PKH dan menegaskan larangan pemotongan bantuan dalam bentuk apa pun',
      'telah berkoordinasi dengan bank penyalur terkait saldo KKS yang tidak bertambah',
    ],
  },
  pungli: {
    titles: [
      'Pungli pembuatan surat pengantar di kantor {kelurahan}',
      'Oknum petugas meminta uang pelicin di {kecamatan}',
      'Pungutan liar pada pengurusan surat keterangan usaha',
      'Dugaan pungli dalam pelayanan di kantor {kecamatan}',
    ],
    topic: 'pelayanan administrasi di kelurahan dan kecamatan',
    details: [
      'Saat mengurus surat pengantar di kantor {kelurahan}, petugas meminta uang sebesar {nominal} tanpa kuitansi.',
      'Petugas menyampaikan bahwa tanpa uang tersebut surat baru bisa selesai minggu depan.',
      'Papan di loket menyatakan layanan gratis, tetapi praktiknya warga tetap diminta membayar.',
      'Beberapa tetangga saya juga mengalami hal yang sama dengan nominal yang berbeda-beda.',
      'Kejadian tersebut terjadi pada hari {hari} sekitar pukul {jam}.',
      'Saya sempat merekam percakapan dan siap memberikan keterangan apabila diperlukan, asalkan identitas saya dirahasiakan.',
    ],
    requests: [
      'Mohon oknum petugas tersebut diperiksa dan diberi sanksi.',
      'Kami berharap pelayanan di kelurahan benar-benar bebas pungutan.',
    ],
    suggestions: [
      'Kami mengusulkan pembayaran layanan yang memang berbayar dilakukan nontunai agar tidak ada pungutan liar.',
    ],
    actions: [
      'telah melakukan pemeriksaan khusus terhadap petugas yang bersangkutan dan merekomendasikan penjatuhan hukuman disiplin',
      'telah meminta camat dan lurah memasang maklumat pelayanan bebas pungutan serta kanal pengaduan di setiap loket',
    ],
  },
};

/** Openings of a citizen's report. */
export const greetings: readonly string[] = [
  'Selamat pagi, Bapak/Ibu.',
  'Selamat siang.',
  'Dengan hormat,',
  'Assalamualaikum warahmatullahi wabarakatuh.',
  'Mohon izin menyampaikan laporan.',
  'Yth. Bapak/Ibu pengelola layanan pengaduan,',
  'Salam sejahtera.',
  'Permisi, saya ingin melaporkan masalah berikut.',
];

/** Who is writing, without naming them: identities stay out of the text. */
export const introductions: readonly string[] = [
  'Saya warga {rt}, {kelurahan}, {kecamatan}.',
  'Saya adalah warga yang tinggal di sekitar {jalan}, {kelurahan}.',
  'Saya ingin menyampaikan keluhan yang dialami warga {kelurahan}, {wilayah}.',
  'Saya orang tua murid yang tinggal di {kecamatan}.',
  'Kami perwakilan warga {rt} {kelurahan} ingin menyampaikan permasalahan berikut.',
  'Saya pengguna layanan publik di {wilayah} dan ingin melaporkan pengalaman saya.',
];

/** How long a problem has lasted, for `{durasi}`. */
export const durations: readonly string[] = [
  'dua minggu',
  'tiga minggu',
  'satu bulan',
  'hampir dua bulan',
  'tiga bulan',
  'lebih dari enam bulan',
  'sepuluh hari',
  'setahun',
];

/** Amounts for `{nominal}`. */
export const amounts: readonly string[] = [
  'Rp20.000',
  'Rp50.000',
  'Rp75.000',
  'Rp100.000',
  'Rp150.000',
  'Rp250.000',
  'Rp300.000',
  'Rp500.000',
  'Rp1.500.000',
  'Rp2.000.000',
];

/** What the problem does to people. */
export const impacts: readonly string[] = [
  'Kondisi ini sangat merugikan masyarakat, terutama warga kurang mampu.',
  'Hal ini sudah berlangsung cukup lama dan warga mulai kehilangan kepercayaan.',
  'Keadaan ini membuat kami harus mengeluarkan biaya dan waktu tambahan.',
  'Kami khawatir jika dibiarkan akan menimbulkan korban atau kerugian yang lebih besar.',
  'Banyak warga yang mengalami hal serupa tetapi enggan melapor.',
  'Permasalahan ini juga sudah ramai dibicarakan di media sosial warga setempat.',
  'Akibatnya kegiatan sehari-hari warga menjadi terganggu.',
];

/** Background any complaint may carry: how it came about, how often, who else is affected. */
export const contextSentences: readonly string[] = [
  'Kejadian ini bukan yang pertama kali; sebelumnya hal serupa juga pernah dialami oleh warga lain di lingkungan kami.',
  'Kami memahami bahwa petugas memiliki banyak pekerjaan, namun pelayanan dasar seperti ini seharusnya tetap menjadi prioritas.',
  'Sebagian besar warga di sekitar lokasi bekerja sebagai buruh harian dan pedagang kecil, sehingga setiap hari yang terbuang sangat berarti bagi kami.',
  'Permasalahan ini sudah beberapa kali dibicarakan dalam pertemuan warga tingkat RT, tetapi kami tidak tahu harus menyampaikannya ke mana lagi.',
  'Saya menyampaikan laporan ini dengan harapan ada perbaikan nyata, bukan sekadar janji yang tidak ditepati.',
  'Kami juga sudah melihat pengumuman di media sosial pemerintah daerah, tetapi informasi yang diberikan tidak sesuai dengan kenyataan di lapangan.',
  'Pada waktu-waktu tertentu, terutama pagi hari dan menjelang sore, kondisinya menjadi jauh lebih buruk.',
  'Warga lanjut usia, ibu hamil, dan anak-anak adalah pihak yang paling merasakan dampaknya.',
  'Apabila diperlukan, saya bersedia memberikan keterangan tambahan maupun menunjukkan lokasi kepada petugas.',
  'Saya sudah melampirkan foto kondisi terakhir sebagai gambaran bagi petugas yang akan menangani.',
  'Informasi yang kami terima dari petugas di lapangan sering berubah-ubah sehingga warga menjadi bingung.',
  'Kami tidak ingin menyalahkan pihak mana pun, tetapi berharap ada kejelasan siapa yang bertanggung jawab.',
  'Sejauh yang kami ketahui, belum ada petugas yang datang untuk melihat langsung kondisi di lokasi.',
  'Beberapa tetangga saya sebenarnya ingin melapor juga, tetapi mereka tidak terbiasa menggunakan aplikasi atau situs pengaduan.',
];

/** What the reporter hopes for beyond the immediate fix. */
export const expectations: readonly string[] = [
  'Kami berharap pemerintah daerah dapat memberikan kepastian waktu penyelesaian.',
  'Semoga laporan ini menjadi perhatian dan tidak berlarut-larut seperti sebelumnya.',
  'Kami juga berharap ada pengawasan rutin agar kejadian serupa tidak terulang.',
  'Mohon kami diberi kabar mengenai perkembangan penanganan laporan ini.',
  'Kami siap bekerja sama dan mendukung langkah yang diambil oleh instansi terkait.',
];

/** What the reporter already tried. */
export const attempts: readonly string[] = [
  'Kami sudah menyampaikan hal ini kepada ketua RT dan kelurahan, tetapi belum ada tindak lanjut.',
  'Sebelumnya saya sudah datang langsung ke kantor terkait, namun hanya diminta menunggu.',
  'Masalah ini juga pernah kami sampaikan melalui media sosial resmi pemerintah daerah tanpa jawaban.',
  'Saya sudah mencoba menghubungi nomor layanan yang tertera, tetapi tidak tersambung.',
  'Warga sudah membuat surat permohonan bersama yang ditandatangani lebih dari 50 orang.',
];

/** Closings of a citizen's report. */
export const closings: readonly string[] = [
  'Terima kasih atas perhatian dan tindak lanjutnya.',
  'Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.',
  'Demikian laporan ini saya sampaikan. Terima kasih.',
  'Mohon segera ditindaklanjuti. Terima kasih.',
  'Besar harapan kami laporan ini ditanggapi. Terima kasih.',
];

/** Sentences of an information request (permintaan informasi). */
export const informationRequests: readonly string[] = [
  'Saya ingin memperoleh informasi mengenai {topic} di {wilayah}, termasuk persyaratan dan lama waktu penyelesaiannya.',
  'Mohon penjelasan mengenai prosedur dan jadwal terkait {topic} untuk tahun ini.',
  'Apakah ada biaya yang harus dibayarkan terkait {topic}? Informasi yang kami terima dari lingkungan sekitar berbeda-beda.',
  'Mohon diinformasikan ke mana warga harus datang apabila mengalami kendala terkait {topic}.',
];

export const aspirationTitles: readonly string[] = [
  'Usulan perbaikan {topic} di {wilayah}',
  'Saran untuk peningkatan {topic}',
  'Aspirasi warga {kelurahan} terkait {topic}',
];

export const informationTitles: readonly string[] = [
  'Permohonan informasi tentang {topic}',
  'Mohon informasi prosedur {topic}',
  'Pertanyaan mengenai {topic} di {wilayah}',
];

/** A non-anonymous reporter may sign with their name. */
export const signOffs: readonly string[] = ['Hormat saya,\n{nama}', 'Salam,\n{nama}', '{nama}'];

/** The admin's instruction when disposing (internal). */
export const dispositionNotes: readonly string[] = [
  'Mohon ditindaklanjuti sesuai kewenangan dan dilaporkan hasilnya.',
  'Mohon segera dilakukan pengecekan lapangan.',
  'Prioritas: menyangkut keselamatan warga.',
  'Mohon koordinasi dengan kecamatan setempat.',
  'Laporan serupa pernah masuk sebelumnya, mohon ditangani tuntas.',
];

/** Operators' internal notes while working on a report. */
export const internalNotes: readonly string[] = [
  'Sudah koordinasi dengan kepala UPTD melalui telepon, menunggu data pendukung.',
  'Pengecekan lapangan dijadwalkan minggu ini bersama staf bidang.',
  'Pelapor sudah dihubungi untuk konfirmasi lokasi tepatnya.',
  'Menunggu disposisi pimpinan untuk anggaran perbaikan.',
  'Data di sistem sudah dicek, ada ketidaksesuaian NIK yang perlu diperbaiki.',
  'Hasil peninjauan: kondisi di lapangan sesuai laporan, foto terlampir di berkas internal.',
  'Sudah dikirim surat klarifikasi kepada pihak terkait, nomor surat menyusul.',
  'Kasus serupa pernah ditangani bulan lalu; gunakan jawaban yang sama dengan penyesuaian.',
];

/** A liaison officer returning a draft to its author (internal). */
export const returnComments: readonly string[] = [
  'Mohon dilengkapi dengan waktu penyelesaian yang jelas.',
  'Bahasa terlalu teknis, mohon disederhanakan untuk pelapor.',
  'Cantumkan hasil pengecekan lapangan dan nama petugas yang menangani.',
  'Jangan sebutkan nama pegawai yang diperiksa; cukup sampaikan langkah yang diambil.',
];

/** Asking the reporter for missing data (tunda). */
export const tundaMessages: readonly string[] = [
  'Mohon Saudara melengkapi lokasi kejadian secara rinci (nama jalan, RT/RW, dan patokan terdekat).',
  'Mohon dilampirkan foto atau dokumen pendukung agar laporan dapat diverifikasi.',
  'Mohon dijelaskan waktu kejadian serta nama unit layanan yang dimaksud.',
  'Mohon disampaikan nomor registrasi atau nomor antrean permohonan Saudara.',
];

/** The reporter completing data after a tunda. */
export const resumeReplies: readonly string[] = [
  'Lokasinya di {jalan}, {rt}, sekitar 100 meter dari masjid. Foto sudah saya lampirkan.',
  'Kejadiannya pada hari {hari} sekitar pukul {jam} di loket pelayanan.',
  'Nomor registrasi permohonan saya sudah saya kirimkan bersama tangkapan layar.',
  'Berikut saya lengkapi: lokasi di {kelurahan}, {kecamatan}, dekat {pasar}.',
];

/** The reporter answering a published response (back to in progress). */
export const followUpReplies: readonly string[] = [
  'Terima kasih atas tanggapannya, tetapi sampai hari ini kondisi di lapangan belum berubah.',
  'Mohon maaf, perbaikan yang dijanjikan belum dilakukan. Mohon dicek kembali.',
  'Tanggapan belum menjawab pertanyaan saya mengenai biaya yang diminta petugas.',
  'Perbaikan hanya dilakukan sebagian, sisa ruas jalan masih rusak.',
];

/** Why an OPD returns a report as not within its authority. */
export const notAuthorityReasons: readonly string[] = [
  'Substansi laporan merupakan kewenangan OPD lain.',
  'Lokasi yang dilaporkan merupakan jalan nasional/provinsi, bukan kewenangan kabupaten/kota.',
  'Permasalahan menyangkut BUMN/instansi vertikal di luar kewenangan pemerintah daerah.',
  'Sekolah yang dimaksud adalah SMA/SMK yang menjadi kewenangan pemerintah provinsi.',
];

/** Why a resolution deadline is extended. */
export const extensionReasons: readonly string[] = [
  'Memerlukan peninjauan lapangan dan koordinasi lintas OPD.',
  'Perbaikan memerlukan penganggaran dan proses pengadaan.',
  'Menunggu hasil pemeriksaan Inspektorat.',
  'Memerlukan uji laboratorium dari pihak ketiga.',
];

/** Optional note on an archive decision. */
export const archiveNotes: Readonly<Record<string, readonly string[]>> = {
  wrong_format: ['Isi laporan berupa tautan tanpa uraian.', 'Laporan hanya berisi lampiran.'],
  too_general: [
    'Laporan tidak menyebutkan lokasi dan waktu kejadian.',
    'Tidak jelas instansi dan layanan yang dilaporkan.',
  ],
  not_government_performance: [
    'Sengketa antarwarga, bukan kinerja pelayanan publik.',
    'Keluhan terhadap usaha swasta di luar pelayanan publik.',
  ],
  duplicate: ['Laporan yang sama telah disampaikan sebelumnya oleh pelapor.'],
  unintelligible: ['Isi laporan tidak dapat dipahami.'],
  wait_period_expired: ['Pelapor tidak melengkapi data dalam batas waktu.'],
};

/** First sentences of an agency's answer, formal register. */
export const responseOpenings: readonly string[] = [
  'Terima kasih atas laporan Saudara. Menindaklanjuti laporan tersebut, {instansi}',
  'Terima kasih atas kepercayaan Saudara menyampaikan laporan melalui SP4N-LAPOR!. Bersama ini kami sampaikan bahwa {instansi}',
  'Dengan hormat, menanggapi laporan Saudara, dapat kami sampaikan bahwa {instansi}',
];

/** Last sentences of an agency's answer. */
export const responseClosings: readonly string[] = [
  'Apabila masih terdapat kendala, Saudara dapat menyampaikan tanggapan melalui kanal ini. Terima kasih.',
  'Demikian kami sampaikan. Atas perhatian dan partisipasi Saudara, kami ucapkan terima kasih.',
  'Kami akan terus memantau pelaksanaannya. Terima kasih atas partisipasi Saudara dalam mengawasi pelayanan publik.',
];

/** An agency's reply to an information request. */
export const informationAnswers: readonly string[] = [
  'memberikan informasi bahwa seluruh layanan terkait tidak dipungut biaya, dan persyaratannya dapat dilihat pada laman resmi serta papan informasi di kantor layanan',
  'menyampaikan bahwa permohonan dapat diajukan pada hari kerja pukul 08.00–15.00 waktu setempat dengan membawa dokumen asli',
];

/** An agency's reply to a suggestion. */
export const aspirationAnswers: readonly string[] = [
  'mengapresiasi usulan Saudara dan akan mempertimbangkannya dalam penyusunan rencana kerja tahun anggaran berikutnya',
  'telah mencatat usulan Saudara sebagai bahan evaluasi dan perbaikan standar pelayanan',
];
