/**
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC code of the .VnTime / .VnArial fonts) to Unicode.
 *
 * Source of the chart: the GNU C Library's TCVN5712-1 converter (glibc iconvdata/tcvn5712-1.c,
 * "Conversion to and from TCVN5712-1", Ulrich Drepper 2001), read byte by byte with
 * `iconv -f TCVN5712-1 -t UTF-8` on 2026-12-05; the same chart as X11's lcUniConv/tcvn.h and
 * X-TrueType's TCVN/TCVNtoUCS2.c ("Thanks to Nguyen-Dai Quy for the description of this encoding").
 * VN3 is the lower-case-only subset of VN1 that the ABC fonts use: upper-case toned letters are
 * drawn by the separate ".VnTimeH" fonts from the lower-case codes, so only the 7 upper-case base
 * letters (Ă Â Ê Ô Ơ Ư Đ), their 7 lower-case forms and the 60 lower-case toned vowels are mapped;
 * VN1's upper-case slots (0x80–0x9F …) are Windows-1252 punctuation in VN3 files and stay as they are.
 * Checked against known pairs: "B¶o Th¾ng" = "Bảo Thắng"; "M\u00adêng Kh\u00ad¬ng" = "Mường Khương"
 * (ư is 0xAD, a soft hyphen in Windows-1252, which is why copies of such text often lose it).
 */
export const TCVN3_TO_UNICODE: Readonly<Record<number, number>> = {
  0xa1: 0x0102, // Ă
  0xa2: 0x00c2, // Â
  0xa3: 0x00ca, // Ê
  0xa4: 0x00d4, // Ô
  0xa5: 0x01a0, // Ơ
  0xa6: 0x01af, // Ư
  0xa7: 0x0110, // Đ
  0xa8: 0x0103, // ă
  0xa9: 0x00e2, // â
  0xaa: 0x00ea, // ê
  0xab: 0x00f4, // ô
  0xac: 0x01a1, // ơ
  0xad: 0x01b0, // ư
  0xae: 0x0111, // đ
  0xb5: 0x00e0, // à
  0xb6: 0x1ea3, // ả
  0xb7: 0x00e3, // ã
  0xb8: 0x00e1, // á
  0xb9: 0x1ea1, // ạ
  0xbb: 0x1eb1, // ằ
  0xbc: 0x1eb3, // ẳ
  0xbd: 0x1eb5, // ẵ
  0xbe: 0x1eaf, // ắ
  0xc6: 0x1eb7, // ặ
  0xc7: 0x1ea7, // ầ
  0xc8: 0x1ea9, // ẩ
  0xc9: 0x1eab, // ẫ
  0xca: 0x1ea5, // ấ
  0xcb: 0x1ead, // ậ
  0xcc: 0x00e8, // è
  0xce: 0x1ebb, // ẻ
  0xcf: 0x1ebd, // ẽ
  0xd0: 0x00e9, // é
  0xd1: 0x1eb9, // ẹ
  0xd2: 0x1ec1, // ề
  0xd3: 0x1ec3, // ể
  0xd4: 0x1ec5, // ễ
  0xd5: 0x1ebf, // ế
  0xd6: 0x1ec7, // ệ
  0xd7: 0x00ec, // ì
  0xd8: 0x1ec9, // ỉ
  0xdc: 0x0129, // ĩ
  0xdd: 0x00ed, // í
  0xde: 0x1ecb, // ị
  0xdf: 0x00f2, // ò
  0xe1: 0x1ecf, // ỏ
  0xe2: 0x00f5, // õ
  0xe3: 0x00f3, // ó
  0xe4: 0x1ecd, // ọ
  0xe5: 0x1ed3, // ồ
  0xe6: 0x1ed5, // ổ
  0xe7: 0x1ed7, // ỗ
  0xe8: 0x1ed1, // ố
  0xe9: 0x1ed9, // ộ
  0xea: 0x1edd, // ờ
  0xeb: 0x1edf, // ở
  0xec: 0x1ee1, // ỡ
  0xed: 0x1edb, // ớ
  0xee: 0x1ee3, // ợ
  0xef: 0x00f9, // ù
  0xf1: 0x1ee7, // ủ
  0xf2: 0x0169, // ũ
  0xf3: 0x00fa, // ú
  0xf4: 0x1ee5, // ụ
  0xf5: 0x1eeb, // ừ
  0xf6: 0x1eed, // ử
  0xf7: 0x1eef, // ữ
  0xf8: 0x1ee9, // ứ
  0xf9: 0x1ef1, // ự
  0xfa: 0x1ef3, // ỳ
  0xfb: 0x1ef7, // ỷ
  0xfc: 0x1ef9, // ỹ
  0xfd: 0x00fd, // ý
  0xfe: 0x1ef5, // ỵ
};

/**
 * VNI-Windows (the VNI-Times / VNI-Helve fonts) to Unicode.
 *
 * Source of the chart: xvnkb's vni.h (Dao Hai Lam, 2002; github.com/lamdao/xvnkb, the table the
 * X keyboard uses to type VNI), cross-checked letter by letter against the VNI table of
 * vietnamese-conversion (github.com/duydev/vietnamese-conversion, src/charsets.ts); both give the
 * same 134 letters. VNI is a composing code: a toned vowel is its base letter followed by one
 * byte that carries the marks ("Vieät" = V i e + 0xE4 "circumflex and dot below" + t), so the
 * chart has two parts: bytes that are whole letters, and bytes that add marks to the vowel
 * before them. Upper-case letters take the upper-case form of the byte ("VIEÄT"). Bytes as read
 * through Windows-1252, which is how VNI text reaches us from .txt files, Word and PDF.
 */
export const VNI_LETTERS: Readonly<Record<number, string>> = {
  0xf4: 'ơ', 0xd4: 'Ơ',
  0xf6: 'ư', 0xd6: 'Ư',
  0xf1: 'đ', 0xd1: 'Đ',
  0xed: 'í', 0xcd: 'Í',
  0xec: 'ì', 0xcc: 'Ì',
  0xe6: 'ỉ', 0xc6: 'Ỉ',
  0xf3: 'ĩ', 0xd3: 'Ĩ',
  0xf2: 'ị', 0xd2: 'Ị',
  0xee: 'ỵ', 0xce: 'Ỵ',
};

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** Bytes that follow a vowel (a e o u y, ơ ư) and add its marks, as combining characters. */
export const VNI_MARKS: Readonly<Record<number, string>> = {
  0xf9: ACUTE, 0xd9: ACUTE, // ù Ù
  0xf8: GRAVE, 0xd8: GRAVE, // ø Ø
  0xfb: HOOK, 0xdb: HOOK, // û Û
  0xf5: TILDE, 0xd5: TILDE, // õ Õ
  0xef: DOT, 0xcf: DOT, // ï Ï
  0xe2: CIRCUMFLEX, 0xc2: CIRCUMFLEX, // â Â
  0xe1: CIRCUMFLEX + ACUTE, 0xc1: CIRCUMFLEX + ACUTE, // á Á
  0xe0: CIRCUMFLEX + GRAVE, 0xc0: CIRCUMFLEX + GRAVE, // à À
  0xe5: CIRCUMFLEX + HOOK, 0xc5: CIRCUMFLEX + HOOK, // å Å
  0xe3: CIRCUMFLEX + TILDE, 0xc3: CIRCUMFLEX + TILDE, // ã Ã
  0xe4: CIRCUMFLEX + DOT, 0xc4: CIRCUMFLEX + DOT, // ä Ä
  0xea: BREVE, 0xca: BREVE, // ê Ê
  0xe9: BREVE + ACUTE, 0xc9: BREVE + ACUTE, // é É
  0xe8: BREVE + GRAVE, 0xc8: BREVE + GRAVE, // è È
  0xfa: BREVE + HOOK, 0xda: BREVE + HOOK, // ú Ú
  0xfc: BREVE + TILDE, 0xdc: BREVE + TILDE, // ü Ü
  0xeb: BREVE + DOT, 0xcb: BREVE + DOT, // ë Ë
};
