//! Best label sequence (Viterbi) and per-word label probabilities (forward-backward) of a
//! block, from per-word label scores and transition scores. Both refuse an I-tag that does
//! not continue its own class.

use crate::extract::entities::tagger::label::{LABELS, Label};

type Scores = [f32; LABELS];

fn allowed(prev: Option<usize>, next: usize) -> bool {
    Label(next as u8).may_follow(prev.map(|p| Label(p as u8)))
}

/// The highest-scoring label sequence.
pub fn viterbi(emissions: &[Scores], transitions: &[[f32; LABELS]; LABELS + 1]) -> Vec<Label> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for l in 0..LABELS {
        if allowed(None, l) {
            score[0][l] = transitions[LABELS][l] + emissions[0][l];
        }
    }
    for i in 1..n {
        for l in 0..LABELS {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for p in 0..LABELS {
                if score[i - 1][p] == f32::NEG_INFINITY || !allowed(Some(p), l) {
                    continue;
                }
                let s = score[i - 1][p] + transitions[p][l];
                if s > best.0 {
                    best = (s, p as u8);
                }
            }
            score[i][l] = best.0 + emissions[i][l];
            back[i][l] = best.1;
        }
    }
    let mut last = (0..LABELS)
        .max_by(|a, b| score[n - 1][*a].total_cmp(&score[n - 1][*b]).then(b.cmp(a)))
        .unwrap_or(0);
    let mut out = vec![Label::O; n];
    for i in (0..n).rev() {
        out[i] = Label(last as u8);
        last = back[i][last] as usize;
    }
    out
}

fn log_sum_exp(values: impl Iterator<Item = f32>) -> f32 {
    let v: Vec<f32> = values.collect();
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if max == f32::NEG_INFINITY {
        return max;
    }
    max + v.iter().map(|x| (x - max).exp()).sum::<f32>().ln()
}

/// `p[i][l]`: the probability that word `i` has label `l`, reading the scores as the
/// log-potentials of a linear-chain model.
pub fn marginals(emissions: &[Scores], transitions: &[[f32; LABELS]; LABELS + 1]) -> Vec<Scores> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut alpha = vec![[f32::NEG_INFINITY; LABELS]; n];
    for l in 0..LABELS {
        if allowed(None, l) {
            alpha[0][l] = transitions[LABELS][l] + emissions[0][l];
        }
    }
    for i in 1..n {
        for l in 0..LABELS {
            let prev = alpha[i - 1];
            alpha[i][l] = emissions[i][l]
                + log_sum_exp(
                    (0..LABELS)
                        .filter(|&p| allowed(Some(p), l))
                        .map(|p| prev[p] + transitions[p][l]),
                );
        }
    }
    let mut beta = vec![[0f32; LABELS]; n];
    for i in (0..n - 1).rev() {
        for l in 0..LABELS {
            let next = beta[i + 1];
            beta[i][l] = log_sum_exp(
                (0..LABELS)
                    .filter(|&m| allowed(Some(l), m))
                    .map(|m| transitions[l][m] + emissions[i + 1][m] + next[m]),
            );
        }
    }
    let z = log_sum_exp(alpha[n - 1].iter().copied());
    (0..n)
        .map(|i| {
            let mut p = [0f32; LABELS];
            for l in 0..LABELS {
                p[l] = (alpha[i][l] + beta[i][l] - z).exp();
            }
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_with_an_inside_tag_and_marginals_sum_to_one() {
        let t = [[0f32; LABELS]; LABELS + 1];
        let mut e = vec![[0f32; LABELS]; 3];
        e[0][2] = 5.0; // I-PERS first: not allowed, B-PERS is the best allowed
        e[0][1] = 1.0;
        e[1][2] = 3.0;
        e[2][0] = 2.0;
        let path = viterbi(&e, &t);
        assert_eq!(path, [Label(1), Label(2), Label::O]);
        let m = marginals(&e, &t);
        for row in &m {
            let sum: f32 = row.iter().sum();
            assert!((sum - 1.0).abs() < 1e-4, "{sum}");
        }
        assert_eq!(m[0][2], 0.0);
        assert!(m[1][2] > 0.5);
    }
}
