//! The few statistics a class report needs: means, standard deviations, and Cohen's d with its 95% confidence interval, the effect size financial-education trials report.
//!
//! - Within a treatment, the change from before to after is standardised by the standard
//!   deviation of the changes (d_z, Lakens 2013), with the large-sample standard error
//!   sqrt(1/n + d²/2n).
//! - Between two treatments, the difference of their mean gains is standardised by the pooled
//!   standard deviation of the gains (Cohen's d), with the standard error
//!   sqrt((n1 + n2)/(n1 n2) + d²/(2 (n1 + n2))) (Hedges & Olkin 1985).
//!
//! The interval is d ± 1.96 standard errors; with fewer than two values a side there is none.

/// Values summed up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    /// The sample standard deviation (n - 1); zero with fewer than two values.
    pub sd: f64,
}

impl Summary {
    pub fn of(values: &[f64]) -> Option<Summary> {
        if values.is_empty() {
            return None;
        }
        let n = values.len();
        let mean = values.iter().sum::<f64>() / n as f64;
        let sd = if n < 2 {
            0.0
        } else {
            let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
            (squares / (n - 1) as f64).sqrt()
        };
        Some(Summary { n, mean, sd })
    }
}

/// An effect size and its 95% confidence interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Effect {
    pub d: f64,
    pub low: f64,
    pub high: f64,
}

impl Effect {
    fn around(d: f64, se: f64) -> Option<Effect> {
        (d.is_finite() && se.is_finite()).then_some(Effect {
            d,
            low: d - 1.96 * se,
            high: d + 1.96 * se,
        })
    }

    /// The standardised change of paired values (after minus before): d_z.
    pub fn paired(changes: &[f64]) -> Option<Effect> {
        let s = Summary::of(changes)?;
        if s.n < 2 || s.sd <= 0.0 {
            return None;
        }
        let n = s.n as f64;
        let d = s.mean / s.sd;
        Effect::around(d, (1.0 / n + d * d / (2.0 * n)).sqrt())
    }

    /// The standardised difference between two groups' values (`treated` minus `reference`).
    pub fn between(reference: &[f64], treated: &[f64]) -> Option<Effect> {
        let (a, b) = (Summary::of(reference)?, Summary::of(treated)?);
        if a.n < 2 || b.n < 2 {
            return None;
        }
        let (n1, n2) = (a.n as f64, b.n as f64);
        let pooled =
            (((n1 - 1.0) * a.sd.powi(2) + (n2 - 1.0) * b.sd.powi(2)) / (n1 + n2 - 2.0)).sqrt();
        if pooled <= 0.0 {
            return None;
        }
        let d = (b.mean - a.mean) / pooled;
        let se = ((n1 + n2) / (n1 * n2) + d * d / (2.0 * (n1 + n2))).sqrt();
        Effect::around(d, se)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn mean_and_sample_deviation() {
        let s = Summary::of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
        assert_eq!(s.n, 8);
        assert!(close(s.mean, 5.0));
        assert!(close(s.sd, 2.138));
        assert_eq!(Summary::of(&[]), None);
        assert_eq!(Summary::of(&[3.0]).unwrap().sd, 0.0);
    }

    #[test]
    fn cohens_d_between_groups_and_its_interval() {
        // Two groups of 20 whose means are half a standard deviation apart.
        let reference: Vec<f64> = (0..20).map(|i| f64::from(i % 5)).collect();
        let sd = Summary::of(&reference).unwrap().sd;
        let treated: Vec<f64> = reference.iter().map(|v| v + 0.5 * sd).collect();
        let e = Effect::between(&reference, &treated).unwrap();
        assert!(close(e.d, 0.5), "{e:?}");
        // SE = sqrt(40/400 + 0.25/80) = 0.3211.
        assert!(close(e.high - e.d, 1.96 * 0.32113), "{e:?}");
        assert!(Effect::between(&[1.0], &[2.0, 3.0]).is_none());
        assert!(
            Effect::between(&[1.0, 1.0], &[2.0, 2.0]).is_none(),
            "no spread"
        );
    }

    #[test]
    fn paired_change_standardised_by_its_own_deviation() {
        let changes = [1.0, 2.0, 3.0, 2.0];
        let e = Effect::paired(&changes).unwrap();
        let s = Summary::of(&changes).unwrap();
        assert!(close(e.d, s.mean / s.sd));
        assert!(e.low < e.d && e.d < e.high);
        assert!(Effect::paired(&[1.0]).is_none());
    }
}
