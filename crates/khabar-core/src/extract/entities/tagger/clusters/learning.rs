//! [`learn`]: neighbour PPMI, random projection, spherical k-means.

use crate::extract::entities::tagger::clusters::table::Clusters;
use crate::text::words::words;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use xxhash_rust::xxh3::xxh3_64_with_seed;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterSettings {
    /// Number of fine clusters.
    pub fine: usize,
    /// Number of coarse clusters (groups of fine ones).
    pub coarse: usize,
    /// Words seen fewer times are left out: their contexts are too few to place them.
    pub min_count: u64,
    /// At most this many words (the most frequent) get a cluster; keeps the file small.
    pub max_vocab: usize,
    /// The most frequent words serve as contexts (left and right apart); the rest are one
    /// "other word" context.
    pub contexts: usize,
    /// Dimensions of the random projection the k-means runs in.
    pub dims: usize,
    /// k-means rounds at most (fewer if the assignment stops changing).
    pub iterations: usize,
    /// Seed of the k-means++ picks and of the projection's signs.
    pub seed: u64,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings {
            fine: 512,
            coarse: 64,
            min_count: 5,
            max_vocab: 60_000,
            contexts: 2_000,
            dims: 200,
            iterations: 20,
            seed: 2008,
        }
    }
}

impl ClusterSettings {
    /// The settings as one header line.
    pub fn describe(&self) -> String {
        format!(
            "settings: fine {}, coarse {}, min-count {}, max-vocab {}, contexts {}, dims {}, iterations {}, seed {}",
            self.fine,
            self.coarse,
            self.min_count,
            self.max_vocab,
            self.contexts,
            self.dims,
            self.iterations,
            self.seed
        )
    }
}

/// A sentence edge in the token stream (no word on that side).
const EDGE: u32 = u32::MAX;
const NONE: u32 = u32::MAX;

/// The texts as one stream of word ids, with [`EDGE`] between sentences, lines and links.
struct Stream {
    tokens: Vec<u32>,
    words: Vec<String>,
    counts: Vec<u64>,
}

fn read_stream(texts: impl Iterator<Item = String>) -> Stream {
    let mut ids: HashMap<String, u32> = HashMap::default();
    let mut s = Stream {
        tokens: Vec::new(),
        words: Vec::new(),
        counts: Vec::new(),
    };
    for text in texts {
        // A line ends a paragraph or a title even without punctuation.
        for line in text.lines() {
            for w in words(line, 0..line.len()) {
                if w.in_link {
                    s.tokens.push(EDGE);
                    continue;
                }
                // Ids are given in order of first sight: the same texts give the same ids.
                let id = match ids.get(w.folded.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = s.words.len() as u32;
                        s.words.push(w.folded.clone());
                        s.counts.push(0);
                        ids.insert(w.folded, id);
                        id
                    }
                };
                s.counts[id as usize] += 1;
                s.tokens.push(id);
                if w.break_after {
                    s.tokens.push(EDGE);
                }
            }
            s.tokens.push(EDGE);
        }
    }
    s
}

/// Learns clusters from `texts` (any plain text; each line is cut into words and folded as
/// the tagger does). Deterministic: the same texts in the same order and the same settings
/// give the same clusters (ties in frequency are broken by the word, the only randomness
/// is the seeded generator, and the parallel steps compute each item alone).
pub fn learn(texts: impl Iterator<Item = String>, settings: &ClusterSettings) -> Clusters {
    let stream = read_stream(texts);
    let mut order: Vec<u32> = (0..stream.words.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        stream.counts[b]
            .cmp(&stream.counts[a])
            .then_with(|| stream.words[a].cmp(&stream.words[b]))
    });
    let vocab: Vec<u32> = order
        .iter()
        .copied()
        .take_while(|&id| stream.counts[id as usize] >= settings.min_count.max(1))
        .take(settings.max_vocab)
        .collect();
    let mut clusters = Clusters::default();
    clusters.push_header("khabar word clusters: word, coarse cluster, fine cluster");
    clusters.push_header(
        "method: positive PMI of the left and right neighbours, random projection, spherical k-means",
    );
    clusters.push_header(settings.describe());
    if vocab.is_empty() || settings.fine == 0 || settings.dims == 0 {
        return clusters;
    }
    let mut row_of = vec![NONE; stream.words.len()];
    for (r, &id) in vocab.iter().enumerate() {
        row_of[id as usize] = r as u32;
    }
    let n_ctx = settings.contexts.min(order.len());
    let mut ctx_of = vec![NONE; stream.words.len()];
    for (c, &id) in order.iter().take(n_ctx).enumerate() {
        ctx_of[id as usize] = c as u32;
    }
    // Per side: the frequent words, then "edge", then "other word".
    let side = n_ctx as u32 + 2;
    let context = |token: Option<&u32>| -> u32 {
        match token {
            None | Some(&EDGE) => n_ctx as u32,
            Some(&id) => match ctx_of[id as usize] {
                NONE => n_ctx as u32 + 1,
                c => c,
            },
        }
    };
    let mut pairs: Vec<u64> = Vec::with_capacity(stream.tokens.len() * 2);
    for (i, &id) in stream.tokens.iter().enumerate() {
        if id == EDGE || row_of[id as usize] == NONE {
            continue;
        }
        let row = (row_of[id as usize] as u64) << 32;
        let left = context(i.checked_sub(1).and_then(|j| stream.tokens.get(j)));
        let right = context(stream.tokens.get(i + 1));
        pairs.push(row | left as u64);
        pairs.push(row | (side + right) as u64);
    }
    // Sorting whole keys is order-independent: any thread schedule gives the same vector.
    pairs.par_sort_unstable();
    let rows = Cooccurrences::from_sorted(&pairs, vocab.len(), 2 * side as usize);
    drop(pairs);
    let vectors = project(&rows, settings);
    // Words whose every context is expected by chance have no direction: left out.
    let kept: Vec<usize> = (0..vocab.len())
        .filter(|&r| {
            vectors[r * settings.dims..(r + 1) * settings.dims]
                .iter()
                .any(|&x| x != 0.0)
        })
        .collect();
    let points: Vec<f32> = kept
        .iter()
        .flat_map(|&r| {
            vectors[r * settings.dims..(r + 1) * settings.dims]
                .iter()
                .copied()
        })
        .collect();
    if kept.is_empty() {
        return clusters;
    }
    let mut rng = fastrand::Rng::with_seed(settings.seed);
    let k_fine = settings.fine.min(kept.len()).min(1 << 16);
    let (fine, centroids) = kmeans(
        &points,
        settings.dims,
        k_fine,
        settings.iterations,
        &mut rng,
    );
    let k_coarse = settings.coarse.clamp(1, k_fine).min(1 << 16);
    let (coarse_of_fine, _) = kmeans(
        &centroids,
        settings.dims,
        k_coarse,
        settings.iterations,
        &mut rng,
    );
    // Fine ids numbered coarse cluster by coarse cluster, so neighbours in the file are kin.
    let mut by_coarse: Vec<usize> = (0..k_fine).collect();
    by_coarse.sort_by_key(|&f| (coarse_of_fine[f], f));
    let mut renumber = vec![0u16; k_fine];
    for (new, &old) in by_coarse.iter().enumerate() {
        renumber[old] = new as u16;
    }
    for (i, &r) in kept.iter().enumerate() {
        let f = fine[i] as usize;
        let word = stream.words[vocab[r] as usize].clone();
        clusters.insert(word, (coarse_of_fine[f] as u16, renumber[f]));
    }
    clusters
}

/// Context counts per vocabulary word, compressed rows.
struct Cooccurrences {
    starts: Vec<usize>,
    features: Vec<u32>,
    counts: Vec<u32>,
    features_len: usize,
}

impl Cooccurrences {
    fn from_sorted(pairs: &[u64], rows: usize, features_len: usize) -> Cooccurrences {
        let mut out = Cooccurrences {
            starts: vec![0; rows + 1],
            features: Vec::new(),
            counts: Vec::new(),
            features_len,
        };
        let mut i = 0;
        while i < pairs.len() {
            let key = pairs[i];
            let mut j = i;
            while j < pairs.len() && pairs[j] == key {
                j += 1;
            }
            let row = (key >> 32) as usize;
            out.starts[row + 1] += 1;
            out.features.push(key as u32);
            out.counts.push((j - i) as u32);
            i = j;
        }
        let mut sum = 0;
        for start in &mut out.starts {
            sum += *start;
            *start = sum;
        }
        out
    }

    fn row(&self, r: usize) -> (&[u32], &[u32]) {
        let span = self.starts[r]..self.starts[r + 1];
        (&self.features[span.clone()], &self.counts[span])
    }
}

/// Each word's positive-PMI context vector, projected to `settings.dims` dimensions with
/// fixed random signs and L2-normalised, as rows of one flat vector.
fn project(rows: &Cooccurrences, settings: &ClusterSettings) -> Vec<f32> {
    let dims = settings.dims;
    let words = rows.starts.len() - 1;
    let mut by_feature = vec![0f64; rows.features_len];
    for (f, c) in rows.features.iter().zip(&rows.counts) {
        by_feature[*f as usize] += *c as f64;
    }
    // Context counts raised to 0.75 (Levy, Goldberg and Dagan 2015): rare contexts
    // otherwise get inflated PMI.
    let smoothed: Vec<f64> = by_feature.iter().map(|&n| n.powf(0.75)).collect();
    let total: f64 = smoothed.iter().sum();
    let p_context: Vec<f64> = smoothed.iter().map(|&s| s / total).collect();
    // The sign of feature f on dimension d comes from a hash, not a generator: no order of
    // drawing to keep.
    let signs: Vec<f32> = (0..rows.features_len * dims)
        .map(|i| {
            let (f, d) = ((i / dims) as u64, (i % dims) as u64);
            let key = [f.to_le_bytes(), d.to_le_bytes()].concat();
            if xxh3_64_with_seed(&key, settings.seed) & 1 == 0 {
                1.0
            } else {
                -1.0
            }
        })
        .collect();
    let mut out = vec![0f32; words * dims];
    out.par_chunks_mut(dims).enumerate().for_each(|(r, v)| {
        let (features, counts) = rows.row(r);
        let n_word: f64 = counts.iter().map(|&c| c as f64).sum();
        for (&f, &c) in features.iter().zip(counts) {
            let pmi = ((c as f64 / n_word) / p_context[f as usize]).ln();
            if pmi <= 0.0 {
                continue;
            }
            let w = pmi as f32;
            let s = &signs[f as usize * dims..(f as usize + 1) * dims];
            for (x, s) in v.iter_mut().zip(s) {
                *x += w * s;
            }
        }
        normalise(v);
    });
    out
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Eight running sums, not one: the compiler keeps them in one SIMD register, where a single
/// sum would wait on each addition (the order is fixed, so the result is too).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for ((s, x), y) in acc.iter_mut().zip(x).zip(y) {
            *s += x * y;
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// The nearest centroid (highest cosine; the lowest index on a tie).
fn nearest(p: &[f32], centroids: &[f32], dims: usize) -> u32 {
    let mut best = (0u32, f32::NEG_INFINITY);
    for (c, centroid) in centroids.chunks_exact(dims).enumerate() {
        let s = dot(p, centroid);
        if s > best.1 {
            best = (c as u32, s);
        }
    }
    best.0
}

/// Spherical k-means of unit `points` (rows of `dims`), k-means++ seeding: each point's
/// cluster, and the unit centroids.
fn kmeans(
    points: &[f32],
    dims: usize,
    k: usize,
    iterations: usize,
    rng: &mut fastrand::Rng,
) -> (Vec<u32>, Vec<f32>) {
    let n = points.len() / dims;
    let point = |i: usize| &points[i * dims..(i + 1) * dims];
    if n == 0 || k == 0 {
        return (vec![0; n], Vec::new());
    }
    let mut centroids: Vec<f32> = point(rng.usize(0..n)).to_vec();
    let distance = |i: usize, c: &[f32]| {
        let d = (1.0 - dot(point(i), c)).max(0.0);
        d * d
    };
    let mut nearest_d: Vec<f32> = (0..n)
        .into_par_iter()
        .map(|i| distance(i, &centroids))
        .collect();
    while centroids.len() < k * dims {
        // Summed in order, not by rayon: float sums must not depend on the thread schedule.
        let total: f64 = nearest_d.iter().map(|&d| d as f64).sum();
        let pick = if total > 0.0 {
            let mut target = rng.f64() * total;
            let mut pick = n - 1;
            for (i, &d) in nearest_d.iter().enumerate() {
                target -= d as f64;
                if target < 0.0 {
                    pick = i;
                    break;
                }
            }
            pick
        } else {
            rng.usize(0..n)
        };
        let c = point(pick).to_vec();
        nearest_d
            .par_iter_mut()
            .enumerate()
            .for_each(|(i, d)| *d = d.min(distance(i, &c)));
        centroids.extend_from_slice(&c);
    }
    let mut assign: Vec<u32> = vec![u32::MAX; n];
    for _ in 0..iterations.max(1) {
        let next: Vec<u32> = (0..n)
            .into_par_iter()
            .map(|i| nearest(point(i), &centroids, dims))
            .collect();
        if next == assign {
            break;
        }
        assign = next;
        let mut sums = vec![0f32; k * dims];
        let mut sizes = vec![0usize; k];
        for (i, &c) in assign.iter().enumerate() {
            sizes[c as usize] += 1;
            let sum = &mut sums[c as usize * dims..(c as usize + 1) * dims];
            sum.iter_mut().zip(point(i)).for_each(|(s, x)| *s += x);
        }
        for (c, size) in sizes.iter().enumerate() {
            // An emptied cluster keeps its centroid; it may win points back.
            if *size > 0 {
                let sum = &mut sums[c * dims..(c + 1) * dims];
                normalise(sum);
                centroids[c * dims..(c + 1) * dims].copy_from_slice(sum);
            }
        }
    }
    (assign, centroids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(word: &str) -> String {
        words(word, 0..word.len())[0].folded.clone()
    }

    /// «ذهب X الى …» for cities, «قال Y ان …» for people, in a shuffled order.
    fn synthetic() -> Vec<String> {
        let cities = [
            "دمشق",
            "القاهرة",
            "بغداد",
            "عمان",
            "الرياض",
            "تونس",
            "بيروت",
            "الدوحة",
        ];
        let people = ["محمد", "احمد", "علي", "حسن", "خالد", "سعيد", "يوسف", "عمر"];
        let mut rng = fastrand::Rng::with_seed(7);
        let mut out = Vec::new();
        for _ in 0..400 {
            let c = cities[rng.usize(0..cities.len())];
            let d = cities[rng.usize(0..cities.len())];
            let p = people[rng.usize(0..people.len())];
            let q = people[rng.usize(0..people.len())];
            out.push(match rng.usize(0..4) {
                0 => format!("ذهب الوفد الى {c} ثم عاد من {d} امس."),
                1 => format!("وصل الى {c} قادما من {d}."),
                2 => format!("قال {p} ان الامر انتهى. واكد {q} ذلك."),
                _ => format!("صرح {p} بان اللقاء مع {q} كان جيدا."),
            });
        }
        out
    }

    fn small() -> ClusterSettings {
        ClusterSettings {
            fine: 6,
            coarse: 3,
            min_count: 3,
            max_vocab: 1000,
            contexts: 40,
            dims: 64,
            iterations: 20,
            seed: 3,
        }
    }

    #[test]
    fn words_in_the_same_company_share_a_cluster() {
        let clusters = learn(synthetic().into_iter(), &small());
        let ids = |words: &[&str]| -> Vec<u16> {
            words
                .iter()
                .map(|w| clusters.get(&folded(w)).expect(w).1)
                .collect()
        };
        let cities = ids(&["دمشق", "القاهرة", "بغداد", "بيروت", "الدوحة"]);
        let people = ids(&["محمد", "احمد", "خالد", "يوسف", "عمر"]);
        assert!(cities.iter().all(|&c| c == cities[0]), "{cities:?}");
        assert!(people.iter().all(|&c| c == people[0]), "{people:?}");
        assert_ne!(cities[0], people[0]);
        assert!(clusters.fine_count() <= 6 && clusters.coarse_count() <= 3);
    }

    #[test]
    fn learning_twice_gives_the_same_bytes() {
        let a = learn(synthetic().into_iter(), &small()).to_tsv();
        let b = learn(synthetic().into_iter(), &small()).to_tsv();
        assert_eq!(a, b);
        assert!(a.lines().filter(|l| !l.starts_with('#')).count() > 20);
        let other = ClusterSettings { seed: 4, ..small() };
        assert!(
            learn(synthetic().into_iter(), &other)
                .to_tsv()
                .contains("seed 4")
        );
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let clusters = learn(synthetic().into_iter(), &small());
        let tsv = clusters.to_tsv();
        let back = Clusters::parse(&tsv).unwrap();
        assert_eq!(back, clusters);
        assert_eq!(back.to_tsv(), tsv);
        assert_eq!(back.get(&folded("دمشق")), clusters.get(&folded("دمشق")));
        assert_eq!(back.get("لاشيء"), None);
        let words: Vec<&str> = tsv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted by word");
    }

    #[test]
    fn no_text_no_clusters() {
        assert!(learn(std::iter::empty(), &small()).is_empty());
    }
}
