//! Bytes to text, line by line: a BOM decides (UTF-8, UTF-16); otherwise UTF-8 when the file is, else GB18030 (which covers GBK and GB2312). A line that is neither is marked bad by its number rather than refusing the file; a file with many such lines, or whose "GBK" is mostly characters no Chinese export uses (as Shift-JIS or Big5 read as GBK is), is refused as an encoding guanhu does not read.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::ReadError;

/// More undecodable lines than this and the file is taken to be in another encoding.
pub const MAX_BAD_LINES: usize = 3;

/// Below this many two-byte characters the GB2312 share says too little to judge.
const MIN_CHARS_TO_JUDGE: usize = 8;

/// Decoded text, and the 1-based lines whose bytes could not be read (left empty in `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub bad_lines: Vec<usize>,
}

/// Why the bytes are no text guanhu reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingProblem {
    /// Too many lines are neither UTF-8 nor GB18030.
    Undecodable { bad_lines: usize },
    /// Valid GB18030 bytes, but mostly outside the common Chinese characters: another
    /// double-byte encoding (Shift-JIS, Big5…) read as GBK would give mojibake names.
    NotChinese,
}

impl From<EncodingProblem> for ReadError {
    fn from(p: EncodingProblem) -> ReadError {
        ReadError::Encoding(p)
    }
}

/// Decodes a whole text file (see the module note).
pub(crate) fn decode_text(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
        return by_lines(rest, Some(Utf::Eight));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE".as_slice()) {
        return whole(UTF_16LE, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF".as_slice()) {
        return whole(UTF_16BE, rest);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            bad_lines: Vec::new(),
        });
    }
    by_lines(bytes, None)
}

/// UTF-16 has no line-by-line fallback (its line ends are two bytes); it is all or nothing.
fn whole(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, ReadError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        Err(EncodingProblem::Undecodable { bad_lines: 0 }.into())
    } else {
        Ok(Decoded {
            text: text.into_owned(),
            bad_lines: Vec::new(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf {
    Eight,
}

/// Decodes line by line in one encoding for the whole file: UTF-8 when `forced` (a BOM) or when
/// at least as many non-ASCII lines are UTF-8 as are GB18030 only (much UTF-8 is also valid
/// GB18030, almost no GBK Chinese is valid UTF-8), else GB18030. `\n` never occurs inside a
/// UTF-8 or GB18030 character, so splitting the bytes on it is safe.
fn by_lines(bytes: &[u8], forced: Option<Utf>) -> Result<Decoded, ReadError> {
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let utf8 = forced.is_some() || {
        let (mut as_utf8, mut only_gb) = (0usize, 0usize);
        for line in lines.iter().filter(|l| !l.is_ascii()) {
            if std::str::from_utf8(line).is_ok() {
                as_utf8 += 1;
            } else if gb18030_line(line).is_some() {
                only_gb += 1;
            }
        }
        as_utf8 >= only_gb
    };
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut bad_lines = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let decoded = if utf8 {
            std::str::from_utf8(line).ok().map(str::to_string)
        } else {
            gb18030_line(line)
        };
        match decoded {
            Some(t) => text.push_str(&t),
            None => bad_lines.push(i + 1),
        }
    }
    if bad_lines.len() > MAX_BAD_LINES {
        return Err(EncodingProblem::Undecodable {
            bad_lines: bad_lines.len(),
        }
        .into());
    }
    if !utf8 && !looks_chinese(bytes) {
        return Err(EncodingProblem::NotChinese.into());
    }
    Ok(Decoded { text, bad_lines })
}

fn gb18030_line(line: &[u8]) -> Option<String> {
    let (text, had_errors) = GB18030.decode_without_bom_handling(line);
    (!had_errors).then(|| text.into_owned())
}

/// True when most two-byte characters are in GB2312 (symbols A1–A9, hanzi B0–F7, trail
/// A1–FE), as every Chinese name and header is. Shift-JIS kana and kanji have lead bytes
/// 81–9F and E0–EF, mostly outside it; so does most of Big5.
fn looks_chinese(bytes: &[u8]) -> bool {
    let (mut common, mut other) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(trail) if (0x30..=0x39).contains(trail) => {
                // A four-byte GB18030 sequence: rare characters, counted as other.
                other += 1;
                i += 4;
            }
            Some(&trail) => {
                let gb2312 = matches!(lead, 0xA1..=0xA9 | 0xB0..=0xF7) && trail >= 0xA1;
                if gb2312 {
                    common += 1;
                } else {
                    other += 1;
                }
                i += 2;
            }
            None => i += 1,
        }
    }
    common + other < MIN_CHARS_TO_JUDGE || common >= other
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::SHIFT_JIS;

    fn text(bytes: &[u8]) -> Option<String> {
        decode_text(bytes).ok().map(|d| d.text)
    }

    #[test]
    fn text_is_decoded_from_bom_utf8_and_gbk() {
        assert_eq!(text(b"\xEF\xBB\xBFab"), Some("ab".to_string()));
        assert_eq!(text("张伟".as_bytes()), Some("张伟".to_string()));
        let (gbk, _, _) = GB18030.encode("客户号,张伟");
        assert_eq!(text(&gbk), Some("客户号,张伟".to_string()));
        assert_eq!(text(b"\xFF\xFEa\x00,\x00b\x00"), Some("a,b".to_string()));
    }

    #[test]
    fn one_bad_line_is_named_not_the_file() {
        let mut bytes = "customer_no,name\nC1,张伟\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"C2,\xFF\xFE\n");
        bytes.extend_from_slice("C3,李娜\n".as_bytes());
        let decoded = decode_text(&bytes);
        assert_eq!(
            decoded,
            Ok(Decoded {
                text: "customer_no,name\nC1,张伟\n\nC3,李娜\n".to_string(),
                bad_lines: vec![3],
            })
        );
    }

    #[test]
    fn many_bad_lines_refuse_the_file() {
        let bytes = b"a,b\n\x81\x20\xFF\n\xFF\n\xFF\n\xFF\n";
        assert_eq!(
            decode_text(bytes),
            Err(ReadError::Encoding(EncodingProblem::Undecodable {
                bad_lines: 4
            }))
        );
    }

    #[test]
    fn shift_jis_is_not_taken_for_gbk() {
        let (sjis, _, _) = SHIFT_JIS
            .encode("顧客番号,氏名\nC1,山田太郎\nC2,佐藤花子\nC3,鈴木一郎\nC4,たなかさとし\n");
        assert_eq!(
            decode_text(&sjis),
            Err(ReadError::Encoding(EncodingProblem::NotChinese))
        );
        let (gbk, _, _) =
            GB18030.encode("客户号,客户姓名\nC1,张伟\nC2,李娜\nC3,王芳\nC4,欧阳晓明\nC5,喆\n");
        assert!(decode_text(&gbk).is_ok());
    }
}
