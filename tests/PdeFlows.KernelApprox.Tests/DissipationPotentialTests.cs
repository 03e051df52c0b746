using MathNet.Numerics.LinearAlgebra;
using PdeFlows.Flows;
using PdeFlows.Flows.Energies;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Potentials;
using PdeFlows.KernelApprox.Projection;
using PdeFlows.KernelApprox.Reactions;

namespace PdeFlows.KernelApprox.Tests;

/// <summary>
/// The dissipation potentials of the kernel reactions (docs/kernel.md, "Dissipation potentials on the
/// nodes") on a hand-sized 3-node case, against an independent dense computation with MathNet: the
/// operator 𝕂 of each reaction is built as a 3×3 matrix from the exponential formula of the Gaussian
/// kernel, and the primal potential is the Legendre dual sup_ξ ξᵀẇ − ½ξᵀ𝕂ξ solved as a linear (KKT)
/// system. The 3×3 Gram matrix has condition number ≈ 30, so the dense computations agree with the
/// code to ~1e-14; the tolerance 1e-11 leaves three orders for the different operation orders.
/// </summary>
public class DissipationPotentialTests
{
    private const double Tolerance = 1e-11;
    private const double Sigma = 0.5;
    private const double Beta = 1.7;
    private const double Lambda = 0.3;
    private static readonly double[] X = [0.0, 0.4, 1.1];
    private static readonly double[] W = [0.2, 0.5, 0.3];
    private static readonly double[] Xi = [0.4, -1.0, 0.7];
    private static readonly PointSet Nodes = new(X, 1);
    private static readonly GaussianKernel Kernel = new(Sigma);

    private static Matrix<double> Gram() => Matrix<double>.Build.Dense(3, 3, (i, j) => Math.Exp(-(X[i] - X[j]) * (X[i] - X[j]) / (2 * Sigma * Sigma)));

    private static Matrix<double> Weights() => Matrix<double>.Build.DenseOfDiagonalArray(W);

    private static Vector<double> V(double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>𝕂 = βW𝖪(W𝖪 + λI)⁻¹W, the λ-FRk operator in the weights.</summary>
    private static Matrix<double> KernelFisherRaoOperator()
    {
        var k = Gram();
        var w = Weights();
        return Beta * w * k * (w * k + (Lambda * Matrix<double>.Build.DenseIdentity(3))).Inverse() * w;
    }

    /// <summary>Q = I − 1wᵀ/M, the w-weighted centring of functions.</summary>
    private static Matrix<double> Centring()
    {
        double mass = W.Sum();
        return Matrix<double>.Build.Dense(3, 3, (i, j) => (i == j ? 1.0 : 0.0) - (W[j] / mass));
    }

    /// <summary>sup over η with wᵀη = 0 of ηᵀẇ − ½ηᵀ𝕂η, from the KKT system [[𝕂, w], [wᵀ, 0]][η; c] = [ẇ; 0].</summary>
    private static double ConstrainedLegendreDual(Matrix<double> operatorMatrix, Vector<double> weightRate)
    {
        var kkt = Matrix<double>.Build.Dense(4, 4);
        kkt.SetSubMatrix(0, 0, operatorMatrix);
        for (int i = 0; i < 3; i++)
        {
            kkt[i, 3] = W[i];
            kkt[3, i] = W[i];
        }

        var right = Vector<double>.Build.Dense(4);
        right.SetSubVector(0, 3, weightRate);
        var eta = kkt.Solve(right).SubVector(0, 3);
        return (eta * weightRate) - (0.5 * (eta * (operatorMatrix * eta)));
    }

    [Fact]
    public void Spherical_primal_at_an_arbitrary_mass_preserving_rate_is_the_constrained_Legendre_dual()
    {
        // A rate far from the flow's: v = 𝖪b + γ1 with γ = −⟨𝖪b⟩_w (mass-preserving), so the minimum over constants is active.
        double[] b = [1.3, -0.4, 2.1];
        var k = Gram();
        var kb = k * V(b);
        double gamma = -(V(W) * kb) / W.Sum();
        var rate = kb + gamma;
        var weightRate = -(Weights() * rate);
        double reference = ConstrainedLegendreDual(KernelFisherRaoOperator(), weightRate);
        double constantNorm = Vector<double>.Build.Dense(3, 1.0) * k.Solve(Vector<double>.Build.Dense(3, 1.0)); // ‖1‖²_H = 1ᵀ𝖪⁻¹1 in the nodal RKHS

        var potential = KernelDissipationPotentials.SphericalKernelFisherRaoRate(Kernel, Nodes, W, b, gamma, Beta, Lambda, constantNorm);
        NumericAssert.ScalarClose(potential.Value, reference, Tolerance, "R_s vs KKT");
        Assert.True(potential.LowerBound <= potential.Value && potential.Value <= potential.UnshiftedValue, "the minimum lies between the bounds");
        Assert.True(potential.UnshiftedValue - potential.Value > 1e-3 * reference, "the minimisation over constants is active here");
        Assert.True(potential.RelativeMassRate < 1e-14, $"mass rate {potential.RelativeMassRate}");
    }

    [Fact]
    public void Spherical_primal_equals_the_dual_along_the_flow_and_the_centred_formula_does_not()
    {
        var projection = RkhsProjection.ProjectSpherical(Kernel, Nodes, W, Xi, Lambda);
        double[] a = projection.Coefficients.ToArray();
        var k = Gram();
        var ka = k * V(a);
        double kappa = (V(W) * ka) / W.Sum();
        double[] b = [.. a.Select(v => Beta * v)];
        double constantNorm = Vector<double>.Build.Dense(3, 1.0) * k.Solve(Vector<double>.Build.Dense(3, 1.0));

        // The dual from the force (code), and ½ξᵀ𝕂_sξ with 𝕂_s = Qᵀ𝕂Q built densely (independent).
        double dual = KernelDissipationPotentials.KernelFisherRaoSlope(W, Xi, projection.Response.Span, Beta);
        var q = Centring();
        double denseDual = 0.5 * (V(Xi) * (q.Transpose() * KernelFisherRaoOperator() * q * V(Xi)));
        NumericAssert.ScalarClose(dual, denseDual, Tolerance, "R* vs ½ξᵀQᵀ𝕂Qξ");

        // The primal from the flow's rate v = β(𝖪a − κ), for the nodal ‖1‖²_H and for constants outside H.
        var exact = KernelDissipationPotentials.SphericalKernelFisherRaoRate(Kernel, Nodes, W, b, -Beta * kappa, Beta, Lambda, constantNorm);
        var outside = KernelDissipationPotentials.SphericalKernelFisherRaoRate(Kernel, Nodes, W, b, -Beta * kappa, Beta, Lambda);
        double kkt = ConstrainedLegendreDual(KernelFisherRaoOperator(), -(Weights() * (Beta * (ka - kappa))));
        NumericAssert.ScalarClose(exact.Value, dual, Tolerance, "R_s = R* (nodal ‖1‖_H)");
        NumericAssert.ScalarClose(outside.Value, dual, Tolerance, "R_s = R* (constants outside H)");
        NumericAssert.ScalarClose(kkt, dual, Tolerance, "KKT = R*");
        Assert.True(exact.RelativeStationarityDefect < 1e-13, $"stationarity {exact.RelativeStationarityDefect}");

        // The earlier formula ½‖Q𝖪a‖²_w + (λ/2)aᵀ𝖪a (β put in) misses R* by exactly (β/2)Mκ²: far above the tolerance.
        var centred = ka - kappa;
        double previous = 0.5 * Beta * ((centred.PointwiseMultiply(centred) * V(W)) + (Lambda * (V(a) * ka)));
        NumericAssert.ScalarClose(dual - previous, 0.5 * Beta * W.Sum() * kappa * kappa, Tolerance, "defect of the centred formula");
        Assert.True(Math.Abs(dual - previous) > 1e-3 * dual, $"the centred formula differs by {dual - previous:E2} only");
    }

    [Fact]
    public void Lambda_fisher_rao_primal_is_the_inverse_operator_quadratic_form_and_equals_the_dual_along_the_flow()
    {
        double[] b = [0.3, -1.2, 0.8];
        var k = Gram();
        var weightRate = -(Weights() * (k * V(b)));
        double reference = 0.5 * (weightRate * KernelFisherRaoOperator().Solve(weightRate));
        NumericAssert.ScalarClose(KernelDissipationPotentials.KernelFisherRaoRate(Kernel, Nodes, W, b, Beta, Lambda), reference, Tolerance, "R_λ vs ½ẇᵀ𝕂⁻¹ẇ");

        var projection = RkhsProjection.Project(Kernel, Nodes, W, Xi, Lambda);
        double[] flowRate = [.. projection.Coefficients.ToArray().Select(v => Beta * v)];
        double dual = KernelDissipationPotentials.KernelFisherRaoSlope(W, Xi, projection.Response.Span, Beta);
        NumericAssert.ScalarClose(dual, 0.5 * (V(Xi) * (KernelFisherRaoOperator() * V(Xi))), Tolerance, "R* vs ½ξᵀ𝕂ξ");
        NumericAssert.ScalarClose(KernelDissipationPotentials.KernelFisherRaoRate(Kernel, Nodes, W, flowRate, Beta, Lambda), dual, Tolerance, "R_λ = R*_λ");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Kernelized_fisher_rao_potentials_match_the_dense_operator(bool spherical)
    {
        // 𝕂 = βW𝖪W (or βQᵀW𝖪WQ); along the flow b = βWη, η = ξ or Qξ, and R = (1/2β)bᵀ𝖪b.
        var q = spherical ? Centring() : Matrix<double>.Build.DenseIdentity(3);
        var operatorMatrix = Beta * q.Transpose() * Weights() * Gram() * Weights() * q;
        double dual = KernelDissipationPotentials.KernelizedFisherRaoSlope(Kernel, Nodes, W, Xi, Beta, spherical);
        NumericAssert.ScalarClose(dual, 0.5 * (V(Xi) * (operatorMatrix * V(Xi))), Tolerance, "R* vs ½ξᵀ𝕂ξ");
        double[] b = [.. (Beta * (Weights() * (q * V(Xi)))).ToArray()];
        NumericAssert.ScalarClose(KernelDissipationPotentials.KernelizedFisherRaoRate(Kernel, Nodes, b, Beta), dual, Tolerance, "R = R*");
        Assert.Equal(0.0, spherical ? b.Sum() : 0.0, 14); // 1ᵀb = β wᵀQξ = 0: the constant needs no shift
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mmd_geometry_potentials_match_the_dense_operator_along_the_flow(bool spherical)
    {
        // u̇ = −β(𝖪M + ε)⁻¹(ξ − c): in the weights ẇ = Mu̇ = −β𝕂₀(ξ − c), 𝕂₀ = (𝖪 + εM⁻¹)⁻¹.
        double[] mass = W; // the lumped masses of this test
        const double epsilon = 0.05;
        var setting = new NodalSetting(mass, [1.0, 1.0, 1.0]);
        var energy = new FixedForce(Xi);
        var inverse = (Gram() + (epsilon * Matrix<double>.Build.DenseOfDiagonalArray([.. mass.Select(v => 1 / v)]))).Inverse();
        var ones = Vector<double>.Build.Dense(3, 1.0);
        var operatorMatrix = spherical ? Beta * (inverse - (inverse * ones.OuterProduct(ones) * inverse / (ones * (inverse * ones)))) : Beta * inverse;
        double dual = KernelDissipationPotentials.MaximumMeanDiscrepancySlope(Kernel, Nodes, mass, Xi, Beta, epsilon, spherical);
        NumericAssert.ScalarClose(dual, 0.5 * (V(Xi) * (operatorMatrix * V(Xi))), Tolerance, "R* vs ½ξᵀ𝕂ξ");

        var velocity = new double[3];
        if (spherical)
        {
            new MaximumMeanDiscrepancyReaction(Kernel, Nodes, setting, energy, Beta, epsilon, spherical: true).Velocity([1.0, 1.0, 1.0], velocity);
            Assert.True(Math.Abs(setting.Integrate(velocity)) < 1e-15 * velocity.Sum(Math.Abs), "Σmu̇ = 0");
        }
        else
        {
            new MaximumMeanDiscrepancyReaction(Kernel, Nodes, setting, energy, Beta, epsilon).Velocity([1.0, 1.0, 1.0], velocity);
        }

        NumericAssert.ScalarClose(KernelDissipationPotentials.MaximumMeanDiscrepancyRate(Kernel, Nodes, mass, velocity, Beta, epsilon), dual, Tolerance, "R = R*");
    }

    /// <summary>An energy whose first variation is a fixed vector (the potentials only see ξ).</summary>
    private sealed class FixedForce(double[] force) : IEnergy
    {
        public string Name => "fixed force";

        public double Value(ReadOnlySpan<double> density, NodalSetting setting) => 0;

        public void FirstVariation(ReadOnlySpan<double> density, NodalSetting setting, Span<double> firstVariation) => force.CopyTo(firstVariation);
    }
}
