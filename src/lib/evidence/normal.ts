/** The standard normal distribution's two-sided tail, for the lag tests' p-values. */

/**
 * erfc(x) for x >= 0, with a fractional error below 1.2e-7 everywhere (Numerical Recipes'
 * Chebyshev fit), so p-values as small as a Bonferroni or Benjamini-Hochberg threshold are exact
 * enough to compare.
 */
function erfc(x: number): number {
	const t = 1 / (1 + 0.5 * x);
	const poly =
		-x * x -
		1.26551223 +
		t *
			(1.00002368 +
				t *
					(0.37409196 +
						t *
							(0.09678418 +
								t *
									(-0.18628806 +
										t *
											(0.27886807 +
												t *
													(-1.13520398 +
														t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
	return t * Math.exp(poly);
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function twoSidedP(z: number): number {
	return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
