//! The tagger's weights: one row of label scores per hashed feature, and the scores of label
//! transitions. Stored sparse and quantised (only the labels a feature moves, as 16-bit
//! integers over one scale), read once at start-up.

use crate::extract::entities::tagger::features::FEATURE_VERSION;
use crate::extract::entities::tagger::label::LABELS;
use rustc_hash::FxHashMap as HashMap;

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

/// Weights of a linear-chain model over [`LABELS`] labels.
#[derive(Debug, Clone, Default)]
pub struct Model {
    index: HashMap<u64, u32>,
    rows: Vec<[f32; LABELS]>,
    /// `transitions[prev][next]`; row `LABELS` is the start of a block.
    pub transitions: [[f32; LABELS]; LABELS + 1],
}

impl Model {
    /// A model from feature rows and transitions (training builds it).
    pub fn from_parts(
        features: Vec<(u64, [f32; LABELS])>,
        transitions: [[f32; LABELS]; LABELS + 1],
    ) -> Model {
        let mut features = features;
        features.retain(|(_, row)| row.iter().any(|w| *w != 0.0));
        features.sort_by_key(|(h, _)| *h);
        let index = features
            .iter()
            .enumerate()
            .map(|(i, (h, _))| (*h, i as u32))
            .collect();
        Model {
            index,
            rows: features.into_iter().map(|(_, r)| r).collect(),
            transitions,
        }
    }

    pub fn feature_count(&self) -> usize {
        self.rows.len()
    }

    /// Adds the label scores of `features` to `scores`.
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        for h in features {
            if let Some(&row) = self.index.get(h) {
                for (s, w) in scores.iter_mut().zip(&self.rows[row as usize]) {
                    *s += w;
                }
            }
        }
    }

    /// The file form: sorted feature hashes, a bit mask of the labels each one moves, and
    /// those weights as `i16` over one scale. Deterministic: the same model, the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .rows
            .iter()
            .flatten()
            .chain(self.transitions.iter().flatten())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut out = Vec::with_capacity(16 + self.rows.len() * 14);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in self.transitions.iter().flatten() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let mut order: Vec<(&u64, &u32)> = self.index.iter().collect();
        order.sort();
        for (h, &row) in order {
            let q: Vec<i16> = self.rows[row as usize]
                .iter()
                .map(|w| (w / scale).round() as i16)
                .collect();
            let mask = q
                .iter()
                .enumerate()
                .filter(|(_, v)| **v != 0)
                .fold(0u16, |m, (i, _)| m | 1 << i);
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
            for v in q.iter().filter(|v| **v != 0) {
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
        let mut index = HashMap::default();
        index.reserve(count);
        let mut rows = Vec::with_capacity(count);
        for i in 0..count {
            let h = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| ModelError::Truncated)?);
            let mask = u16::from_le_bytes([r.byte()?, r.byte()?]);
            let mut row = [0f32; LABELS];
            for (l, w) in row.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    *w = i16::from_le_bytes([r.byte()?, r.byte()?]) as f32 * scale;
                }
            }
            index.insert(h, i as u32);
            rows.push(row);
        }
        Ok(Model {
            index,
            rows,
            transitions,
        })
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
