//! Label scores: what a model gives each word of a block, and the same scores at another
//! temperature (for probabilities).

use crate::extract::entities::tagger::features::Block;
use crate::extract::entities::tagger::label::LABELS;
use crate::extract::entities::tagger::model::Model;

/// The label scores of each word of `block`.
pub fn emissions(model: &Model, block: &Block) -> Vec<[f32; LABELS]> {
    let mut buf = Vec::with_capacity(64);
    (0..block.len())
        .map(|i| {
            buf.clear();
            block.features(i, &mut buf);
            let mut s = [0f32; LABELS];
            model.add_scores(&buf, &mut s);
            s
        })
        .collect()
}

/// Scores multiplied by `factor`.
pub fn scaled(emissions: &[[f32; LABELS]], factor: f32) -> Vec<[f32; LABELS]> {
    emissions.iter().map(|r| r.map(|x| x * factor)).collect()
}

/// Transition scores multiplied by `factor`.
pub fn scaled_transitions(
    transitions: &[[f32; LABELS]; LABELS + 1],
    factor: f32,
) -> [[f32; LABELS]; LABELS + 1] {
    transitions.map(|row| row.map(|x| x * factor))
}
