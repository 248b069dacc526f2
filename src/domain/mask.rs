//! Masking of personal numbers for screens and exports: phone `138****5678`, ID `110101********1234`.

/// Masks a mainland mobile number as `138****5678`; other lengths keep only the last four characters.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() == 11 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[7..].iter().collect();
        return format!("{head}****{tail}");
    }
    mask_keep_tail(&chars, 4)
}

/// Masks an ID number as `110101********1234`: the first six (region) and last four characters stay.
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() > 10 {
        let head: String = chars[..6].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        return format!("{head}{}{tail}", "*".repeat(chars.len() - 10));
    }
    mask_keep_tail(&chars, 4)
}

fn mask_keep_tail(chars: &[char], keep: usize) -> String {
    if chars.len() <= keep {
        return "*".repeat(chars.len());
    }
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!("{}{tail}", "*".repeat(chars.len() - keep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_is_masked_in_the_middle() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("5678"), "****");
        assert_eq!(mask_phone("0105678"), "***5678");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn id_keeps_region_and_tail() {
        assert_eq!(mask_id("110101199001011234"), "110101********1234");
        assert_eq!(mask_id("11010119900101123X"), "110101********123X");
        assert_eq!(mask_id("110101900101123"), "110101*****1123");
        assert_eq!(mask_id("G1234567"), "****4567");
    }
}
