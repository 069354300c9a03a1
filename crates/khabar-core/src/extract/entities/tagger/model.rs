//! The tagger's weights: one row of label scores per hashed feature, and the scores of label
//! transitions. Stored sparse and quantised (only the labels a feature moves, as 16-bit
//! integers over one scale), read once at start-up.

use crate::extract::entities::tagger::features::FEATURE_VERSION;
use crate::extract::entities::tagger::label::LABELS;

const MAGIC: &[u8; 8] = b"KHABNER\0";

/// Why a model file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a Khabar tagger model")]
    NotAModel,
    #[error("the model was trained on feature set {found}, this build computes set {expected}")]
    FeatureVersion { found: u32, expected: u32 },
    #[error("the model file is cut short")]
    Truncated,
}

/// One feature's row in the look-up table: its hash and its quantised label weights, in
/// 32 bytes, so that a look-up touches one cache line (the table is read ~45 times a word,
/// and at a few megabytes it does not sit in the nearest caches).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    key: u64,
    row: [i16; LABELS],
}

/// Weights of a linear-chain model over [`LABELS`] labels, quantised to 16 bits over one
/// scale (as the file stores them: training, the file and tagging see the same numbers).
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Open addressing, linear probing; a key of 0 marks an empty slot.
    slots: Vec<Slot>,
    count: usize,
    scale: f32,
    /// `transitions[prev][next]`; row `LABELS` is the start of a block.
    pub transitions: [[f32; LABELS]; LABELS + 1],
}

/// A feature hash as stored: 0 means "empty", so the one hash of 0 is read as 1.
fn slot_key(h: u64) -> u64 {
    h.max(1)
}

impl Model {
    /// A model from feature rows and transitions (training builds it).
    pub fn from_parts(
        features: Vec<(u64, [f32; LABELS])>,
        transitions: [[f32; LABELS]; LABELS + 1],
    ) -> Model {
        let max = features
            .iter()
            .flat_map(|(_, r)| r.iter())
            .chain(transitions.iter().flatten())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let quantised = features
            .into_iter()
            .map(|(h, row)| (h, row.map(|w| (w / scale).round() as i16)))
            .filter(|(_, row)| row.iter().any(|w| *w != 0))
            .collect();
        Model::from_quantised(quantised, scale, transitions)
    }

    fn from_quantised(
        features: Vec<(u64, [i16; LABELS])>,
        scale: f32,
        transitions: [[f32; LABELS]; LABELS + 1],
    ) -> Model {
        // At most a third full: most look-ups are of features the model never saw, and a
        // miss under linear probing walks to the next empty slot.
        let capacity = (features.len() * 3 + 1).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![Slot::default(); capacity];
        let mut count = 0;
        for (h, row) in features {
            let key = slot_key(h);
            let mut i = key as usize & mask;
            while slots[i].key != 0 && slots[i].key != key {
                i = (i + 1) & mask;
            }
            if slots[i].key == 0 {
                count += 1;
            }
            slots[i] = Slot { key, row };
        }
        Model {
            slots,
            count,
            scale,
            transitions,
        }
    }

    pub fn feature_count(&self) -> usize {
        self.count
    }

    /// Adds the label scores of `features` to `scores`.
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        let mut sum = [0i32; LABELS];
        self.raw_scores(features, &mut sum);
        for (s, w) in scores.iter_mut().zip(self.scaled(sum)) {
            *s += w;
        }
    }

    /// Adds the quantised label weights of `features` to `sum`: integers, so that sums of
    /// parts taken in any order ([`crate::extract::entities::tagger::form_memo`]) are the
    /// same to the last bit.
    pub fn raw_scores(&self, features: &[u64], sum: &mut [i32; LABELS]) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        for &h in features {
            let key = slot_key(h);
            let mut i = key as usize & mask;
            loop {
                let slot = &self.slots[i];
                if slot.key == key {
                    for (s, w) in sum.iter_mut().zip(&slot.row) {
                        *s += i32::from(*w);
                    }
                    break;
                }
                if slot.key == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Label scores from raw sums.
    pub fn scaled(&self, sum: [i32; LABELS]) -> [f32; LABELS] {
        sum.map(|w| w as f32 * self.scale)
    }

    /// The file form: sorted feature hashes, a bit mask of the labels each one moves, and
    /// those weights as `i16` over one scale. Deterministic: the same model, the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        rows.sort_by_key(|s| s.key);
        let mut out = Vec::with_capacity(16 + rows.len() * 14);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for w in self.transitions.iter().flatten() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for slot in rows {
            let mask = slot
                .row
                .iter()
                .enumerate()
                .filter(|(_, v)| **v != 0)
                .fold(0u16, |m, (i, _)| m | 1 << i);
            out.extend_from_slice(&slot.key.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
            for v in slot.row.iter().filter(|v| **v != 0) {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Self::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion {
                found: version,
                expected: FEATURE_VERSION,
            });
        }
        let count = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let mut transitions = [[0f32; LABELS]; LABELS + 1];
        for w in transitions.iter_mut().flatten() {
            *w = f32::from_bits(r.u32()?);
        }
        let mut rows = Vec::with_capacity(count.min(bytes.len() / 10));
        for _ in 0..count {
            let h = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| ModelError::Truncated)?);
            let mask = u16::from_le_bytes([r.byte()?, r.byte()?]);
            let mut row = [0i16; LABELS];
            for (l, w) in row.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    *w = i16::from_le_bytes([r.byte()?, r.byte()?]);
                }
            }
            rows.push((h, row));
        }
        Ok(Model::from_quantised(rows, scale, transitions))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_within_quantisation_and_refuse_damage() {
        let mut t = [[0f32; LABELS]; LABELS + 1];
        t[LABELS][1] = 2.5;
        t[1][2] = -1.25;
        let mut row = [0f32; LABELS];
        row[3] = 4.0;
        row[0] = -0.5;
        let m = Model::from_parts(vec![(7, row), (3, [0.0; LABELS])], t);
        assert_eq!(m.feature_count(), 1, "all-zero rows are dropped");
        let bytes = m.to_bytes();
        assert_eq!(bytes, m.to_bytes(), "deterministic");
        let back = Model::from_bytes(&bytes).unwrap();
        let mut s = [0f32; LABELS];
        back.add_scores(&[7, 99], &mut s);
        assert!((s[3] - 4.0).abs() < 1e-3 && (s[0] + 0.5).abs() < 1e-3);
        assert!((back.transitions[LABELS][1] - 2.5).abs() < 1e-3);
        assert_eq!(
            Model::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err(),
            ModelError::Truncated
        );
        assert_eq!(
            Model::from_bytes(b"nonsense").unwrap_err(),
            ModelError::NotAModel
        );
    }
}
