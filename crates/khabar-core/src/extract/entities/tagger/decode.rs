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
    // Forbidden steps cost -inf: the inner loop is arithmetic alone, and a forbidden or
    // unreachable predecessor never wins (`>` is strict), as when it was skipped.
    let mut allowed_t = [[f32::NEG_INFINITY; LABELS]; LABELS + 1];
    for (p, row) in allowed_t.iter_mut().enumerate() {
        let prev = (p < LABELS).then_some(p);
        for (l, v) in row.iter_mut().enumerate() {
            if allowed(prev, l) {
                *v = transitions[p][l];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for l in 0..LABELS {
        score[0][l] = allowed_t[LABELS][l] + emissions[0][l];
    }
    for i in 1..n {
        let prev = score[i - 1];
        for l in 0..LABELS {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for (p, row) in allowed_t[..LABELS].iter().enumerate() {
                let s = prev[p] + row[l];
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

/// `p[i][l]`: the probability that word `i` has label `l`, reading the scores as the
/// log-potentials of a linear-chain model. Forward-backward in probability space, each step
/// normalised (Rabiner's scaling), with the exponentials taken once per word and once for
/// the transitions: no allocation per step and nine `exp` a word, not eighty-one.
pub fn marginals(emissions: &[Scores], transitions: &[[f32; LABELS]; LABELS + 1]) -> Vec<Scores> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let t_max = transitions
        .iter()
        .flatten()
        .copied()
        .fold(f32::NEG_INFINITY, f32::max);
    let mut et = [[0f32; LABELS]; LABELS + 1];
    for (p, row) in et.iter_mut().enumerate() {
        let prev = (p < LABELS).then_some(p);
        for (l, v) in row.iter_mut().enumerate() {
            if allowed(prev, l) {
                *v = (transitions[p][l] - t_max).exp();
            }
        }
    }
    let ee: Vec<Scores> = emissions
        .iter()
        .map(|r| {
            let m = r.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            r.map(|x| (x - m).exp())
        })
        .collect();
    let normalise = |v: &mut Scores| {
        let sum: f32 = v.iter().sum();
        if sum > 0.0 {
            v.iter_mut().for_each(|x| *x /= sum);
        }
    };
    let mut alpha = vec![[0f32; LABELS]; n];
    for l in 0..LABELS {
        alpha[0][l] = et[LABELS][l] * ee[0][l];
    }
    normalise(&mut alpha[0]);
    for i in 1..n {
        for l in 0..LABELS {
            let mut s = 0f32;
            for p in 0..LABELS {
                s += alpha[i - 1][p] * et[p][l];
            }
            alpha[i][l] = s * ee[i][l];
        }
        normalise(&mut alpha[i]);
    }
    let mut beta = vec![[1f32; LABELS]; n];
    for i in (0..n - 1).rev() {
        for p in 0..LABELS {
            let mut s = 0f32;
            for l in 0..LABELS {
                s += et[p][l] * ee[i + 1][l] * beta[i + 1][l];
            }
            beta[i][p] = s;
        }
        normalise(&mut beta[i]);
    }
    alpha
        .iter()
        .zip(&beta)
        .map(|(a, b)| {
            let mut p = [0f32; LABELS];
            for l in 0..LABELS {
                p[l] = a[l] * b[l];
            }
            normalise(&mut p);
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
