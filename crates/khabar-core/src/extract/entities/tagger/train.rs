//! Training: an averaged structured perceptron over [`Sentence`]s (Collins 2002) — Viterbi
//! decoding with the current weights, and on a mistake the gold features up, the predicted
//! ones down; the model is the average of the weights over all steps. Deterministic: the
//! sentence order of each epoch comes from a seeded generator, and nothing iterates a hash
//! map in an order that reaches the result.

use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::conll::Sentence;
use crate::extract::entities::tagger::decode::{marginals, viterbi};
use crate::extract::entities::tagger::features::Block;
use crate::extract::entities::tagger::label::{LABELS, Label};
use crate::extract::entities::tagger::model::Model;
use crate::extract::entities::tagger::scores::{emissions, scaled, scaled_transitions};
use crate::extract::entities::tagger::two_stage::{Tagger, set_document_evidence};
use rustc_hash::FxHashMap as HashMap;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Features whose every weight is below this share of the largest weight are dropped:
    /// at 0.03 the model keeps 42 % of its features and the held-out F1 moves by 0.001, and a
    /// smaller look-up table is read faster (BENCHMARKS.md, fifth round).
    pub prune_below: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 12,
            seed: 2008,
            prune_below: 0.03,
        }
    }
}

/// One sentence as training sees it: the row of each word's features, and the gold labels.
struct Example {
    features: Vec<Vec<u32>>,
    gold: Vec<Label>,
}

/// Trains the two-stage tagger on documents of annotated sentences: the first stage on
/// everything; the second on document evidence that first-stage models trained without
/// each document gave it (k-fold), so that it learns how much to trust evidence it has not
/// memorised. `progress` hears `(stage, epoch, mistakes)`.
pub fn train_tagger(
    documents: &[Vec<Sentence>],
    lex: &Lexicon,
    settings: Settings,
    mut progress: impl FnMut(&str, usize, usize),
) -> Tagger {
    const FOLDS: usize = 5;
    let mut blocks: Vec<Vec<Block>> = documents
        .iter()
        .map(|d| d.iter().map(|s| Block::new(&s.words, lex)).collect())
        .collect();
    let gold: Vec<Vec<&[Label]>> = documents
        .iter()
        .map(|d| d.iter().map(|s| s.gold.as_slice()).collect())
        .collect();
    let pairs = |keep: &dyn Fn(usize) -> bool, blocks: &[Vec<Block>]| {
        let mut b: Vec<(usize, usize)> = Vec::new();
        for (d, doc) in blocks.iter().enumerate().filter(|(d, _)| keep(*d)) {
            b.extend((0..doc.len()).map(|s| (d, s)));
        }
        b
    };
    let mut first_labels: Vec<Vec<Vec<Label>>> = documents
        .iter()
        .map(|d| vec![Vec::new(); d.len()])
        .collect();
    // Scores of held-out blocks, their gold labels and their fold's transitions: what the
    // temperature is fitted on.
    let mut held_out: Vec<HeldOut> = Vec::new();
    for fold in 0..FOLDS {
        let chosen = pairs(&|d| d % FOLDS != fold, &blocks);
        let model = train_model(&blocks, &gold, &chosen, settings, |e, m| {
            progress(&format!("first stage, fold {}", fold + 1), e, m)
        });
        for (d, doc) in blocks.iter().enumerate().filter(|(d, _)| d % FOLDS == fold) {
            for (s, block) in doc.iter().enumerate() {
                let e = emissions(&model, block);
                first_labels[d][s] = viterbi(&e, &model.transitions);
                held_out.push((e, gold[d][s], model.transitions));
            }
        }
    }
    for (doc, labels) in blocks.iter_mut().zip(&first_labels) {
        set_document_evidence(doc, labels);
    }
    let all = pairs(&|_| true, &blocks);
    let second = train_model(&blocks, &gold, &all, settings, |e, m| {
        progress("second stage", e, m)
    });
    for doc in &mut blocks {
        for b in doc.iter_mut() {
            b.clear_evidence();
        }
    }
    let first = train_model(&blocks, &gold, &all, settings, |e, m| {
        progress("first stage", e, m)
    });
    let temperature = fit_temperature(&held_out);
    Tagger::two_stage(first, second, temperature)
}

type HeldOut<'a> = (Vec<[f32; LABELS]>, &'a [Label], [[f32; LABELS]; LABELS + 1]);

/// The temperature that makes the first stage's probabilities honest on blocks it did not
/// train on (Guo et al. 2017, "On calibration of modern neural networks"): a perceptron's
/// scores have no natural scale, and their raw softmax is far too sure of itself. Chosen
/// from a fixed grid by the log-likelihood of the gold labels.
fn fit_temperature(held_out: &[HeldOut]) -> f32 {
    const GRID: [f32; 12] = [
        1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 11.0, 15.0, 20.0, 30.0, 45.0,
    ];
    let likelihood = |t: f32| -> f64 {
        let mut total = 0f64;
        for (e, gold, transitions) in held_out {
            let p = marginals(
                &scaled(e, 1.0 / t),
                &scaled_transitions(transitions, 1.0 / t),
            );
            for (row, g) in p.iter().zip(gold.iter()) {
                total += f64::from(row[g.index()].max(1e-6)).ln();
            }
        }
        total
    };
    GRID.into_iter()
        .map(|t| (t, likelihood(t)))
        .fold((1.0, f64::NEG_INFINITY), |best, (t, l)| {
            if l > best.1 { (t, l) } else { best }
        })
        .0
}

/// Trains one model on the chosen `(document, sentence)` blocks.
fn train_model(
    blocks: &[Vec<Block>],
    gold: &[Vec<&[Label]>],
    chosen: &[(usize, usize)],
    settings: Settings,
    mut progress: impl FnMut(usize, usize),
) -> Model {
    let mut rows: HashMap<u64, u32> = HashMap::default();
    let mut hashes: Vec<u64> = Vec::new();
    let mut buf = Vec::new();
    let examples: Vec<Example> = chosen
        .iter()
        .map(|&(d, s)| {
            let block = &blocks[d][s];
            let features = (0..block.len())
                .map(|i| {
                    buf.clear();
                    block.features(i, &mut buf);
                    buf.iter()
                        .map(|h| {
                            *rows.entry(*h).or_insert_with(|| {
                                hashes.push(*h);
                                hashes.len() as u32 - 1
                            })
                        })
                        .collect()
                })
                .collect();
            Example {
                features,
                gold: gold[d][s].to_vec(),
            }
        })
        .collect();
    let n = hashes.len();
    let mut w = vec![[0f32; LABELS]; n];
    let mut u = vec![[0f64; LABELS]; n];
    let mut tw = [[0f32; LABELS]; LABELS + 1];
    let mut tu = [[0f64; LABELS]; LABELS + 1];
    let mut step = 1f64;
    let mut rng = fastrand::Rng::with_seed(settings.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut emissions = Vec::new();
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &e in &order {
            let ex = &examples[e];
            emissions.clear();
            emissions.extend(ex.features.iter().map(|fs| {
                let mut s = [0f32; LABELS];
                for &f in fs {
                    for (a, b) in s.iter_mut().zip(&w[f as usize]) {
                        *a += b;
                    }
                }
                s
            }));
            let predicted = viterbi(&emissions, &tw);
            if predicted != ex.gold {
                mistakes += 1;
                for (i, (&p, &g)) in predicted.iter().zip(&ex.gold).enumerate() {
                    if p != g {
                        for &f in &ex.features[i] {
                            let f = f as usize;
                            w[f][g.index()] += 1.0;
                            u[f][g.index()] += step;
                            w[f][p.index()] -= 1.0;
                            u[f][p.index()] -= step;
                        }
                    }
                    let prev = |labels: &[Label]| {
                        if i == 0 {
                            LABELS
                        } else {
                            labels[i - 1].index()
                        }
                    };
                    let (pp, gp) = (prev(&predicted), prev(&ex.gold));
                    if (pp, p) != (gp, g) {
                        tw[gp][g.index()] += 1.0;
                        tu[gp][g.index()] += step;
                        tw[pp][p.index()] -= 1.0;
                        tu[pp][p.index()] -= step;
                    }
                }
            }
            step += 1.0;
        }
        progress(epoch + 1, mistakes);
    }
    let average = |w: f32, u: f64| (w as f64 - u / step) as f32;
    let features: Vec<(u64, [f32; LABELS])> = hashes
        .into_iter()
        .zip(w.iter().zip(&u))
        .map(|(h, (w, u))| {
            let mut row = [0f32; LABELS];
            for l in 0..LABELS {
                row[l] = average(w[l], u[l]);
            }
            (h, row)
        })
        .collect();
    let largest = features
        .iter()
        .flat_map(|(_, row)| row.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    let floor = largest * settings.prune_below;
    let features: Vec<(u64, [f32; LABELS])> = features
        .into_iter()
        .filter(|(_, row)| row.iter().any(|w| w.abs() >= floor))
        .collect();
    let mut transitions = [[0f32; LABELS]; LABELS + 1];
    for (p, row) in transitions.iter_mut().enumerate() {
        for (l, t) in row.iter_mut().enumerate() {
            *t = average(tw[p][l], tu[p][l]);
        }
    }
    Model::from_parts(features, transitions)
}
