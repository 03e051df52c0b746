using PdeFlows.KernelApprox;
using PdeFlows.KernelApprox.Kernels;
using PdeFlows.KernelApprox.Particles;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Problems;

namespace PdeFlows.Runs.Running;

/// <summary>
/// Runs the particle method of a case's [particles] section beside the mesh solution, so both are
/// compared at the same output times (kernel.md §3b). Particles are sampled (seeded) from the P1
/// interpolant of the initial density — the mesh run's own initial condition — with weights summing
/// to its mass; methods that need samples of π draw them from the P1 interpolant of π. The
/// potential V = −log π and its gradient (central differences of the expression, step 1e-6 times
/// the domain size: the expressions have no symbolic derivative) drive the transport. Birth–death
/// Langevin uses unit diffusion (α = 1) and rate β.
/// </summary>
public sealed class ParticleCaseRun
{
    private readonly FlowProblem problem;
    private readonly ParticlesSection section;
    private readonly IKernel kernel;
    private readonly double step;

    /// <summary>Prepares the run; throws <see cref="CaseFileException"/> when the method needs a [kernel] section that is absent.</summary>
    public ParticleCaseRun(FlowProblem problem)
    {
        this.problem = problem;
        var definition = problem.Definition;
        section = definition.Particles ?? throw new ArgumentException("the case has no [particles] section", nameof(problem));
        bool needsKernel = section.Method is ParticleMethod.KernelFisherRao or ParticleMethod.MaximumMeanDiscrepancyFlow
            or ParticleMethod.InteractionForceTransport or ParticleMethod.RegularizedSteinVariationalGradientDescent;
        if (needsKernel && definition.Kernel is null)
        {
            throw definition.Locations.Error(CaseKeys.Particles.Method, $"the method '{CaseChoiceNames.NameOf(section.Method)}' needs a [kernel] section");
        }

        var nodes = new PointSet(problem.Mesh.Coordinates, problem.Mesh.Dimension);
        kernel = definition.Kernel is KernelSection k ? CaseKernelComponents.Resolve(k, nodes) : new GaussianKernel(MedianHeuristic.Bandwidth(nodes));
        step = section.Step ?? definition.Time.Step;
    }

    /// <summary>Runs to each of <paramref name="outputTimes"/>; <paramref name="meshDensities"/>[k] is the mesh solution there (for the MMD).</summary>
    public ParticleSeries Run(IReadOnlyList<double> outputTimes, IReadOnlyList<double[]> meshDensities)
    {
        var definition = problem.Definition;
        int d = problem.Mesh.Dimension;
        var random = new Random(unchecked((int)section.Seed));
        double[] initialDensity = problem.Discretization.InitialDensity.ToArray();
        var ensemble = Sample(initialDensity, section.Count, random);
        double initialMass = problem.Setting.Mass(initialDensity);
        ensemble.NormalizeWeights(initialMass);
        var target = Target();
        var targetSamples = section.Method is ParticleMethod.MaximumMeanDiscrepancyFlow or ParticleMethod.InteractionForceTransport
            ? Sample(problem.Setting.Target.ToArray(), section.Count, new Random(unchecked((int)section.Seed) + 1)).ToPointSet()
            : null;
        Action advance = Stepper(ensemble, target, targetSamples, random);
        var nodes = new PointSet(problem.Mesh.Coordinates, d);

        var mass = new List<double>();
        var mean = new List<double[]>();
        var covariance = new List<double[][]>();
        var energy = new List<double>();
        var mmd = new List<double>();
        double time = 0;
        for (int k = 0; k < outputTimes.Count; k++)
        {
            int steps = (int)Math.Round((outputTimes[k] - time) / step);
            for (int s = 0; s < steps; s++)
            {
                advance();
            }

            time = outputTimes[k];
            mass.Add(ensemble.TotalWeight);
            mean.Add(ensemble.Mean());
            double[] c = ensemble.Covariance();
            covariance.Add(Enumerable.Range(0, d).Select(r => c.AsSpan(r * d, d).ToArray()).ToArray());
            if (targetSamples is not null)
            {
                var uniform = Enumerable.Repeat(1.0 / targetSamples.Count, targetSamples.Count).ToArray();
                energy.Add(0.5 * MaximumMeanDiscrepancy.Squared(kernel, ensemble.ToPointSet(), Normalized(ensemble), targetSamples, uniform));
            }

            mmd.Add(MaximumMeanDiscrepancy.BetweenParticlesAndNodes(kernel, ensemble, nodes, problem.Setting, meshDensities[k]));
        }

        return new ParticleSeries
        {
            Method = CaseChoiceNames.NameOf(section.Method),
            Count = section.Count,
            Seed = section.Seed,
            Step = step,
            Times = [.. outputTimes],
            Mass = [.. mass],
            Mean = [.. mean],
            Covariance = [.. covariance],
            Energy = targetSamples is null ? null : [.. energy],
            MmdToMesh = [.. mmd],
            Kernel = $"{CaseChoiceNames.NameOf(kernel.Kind)}(σ = {kernel.Bandwidth:G4})",
        };
    }

    private Action Stepper(ParticleEnsemble ensemble, ParticleTarget target, PointSet? targetSamples, Random random)
    {
        var flow = problem.Definition.Flow;
        double lambda = problem.Definition.Kernel?.Lambda ?? CaseKeys.Kernel.Lambda.Default!.Value;
        switch (section.Method)
        {
            case ParticleMethod.SteinVariationalGradientDescent:
            case ParticleMethod.RegularizedSteinVariationalGradientDescent:
                bool regularized = section.Method == ParticleMethod.RegularizedSteinVariationalGradientDescent;
                var svgd = new SteinVariationalGradientDescent(step, problem.Definition.Kernel?.Bandwidth.Value, regularized ? lambda : 0.0);
                return () => svgd.Advance(ensemble, target);
            case ParticleMethod.KernelFisherRao:
                // The RKHS kernel projects the force; log μ̂ has its own bandwidth ([particles] density_bandwidth).
                var kfr = new ParticleKernelFisherRao(kernel, step, flow.Beta, lambda, DensityBandwidth(ensemble));
                return () => kfr.Advance(ensemble, target);
            case ParticleMethod.MaximumMeanDiscrepancyFlow:
                var mmdFlow = new MaximumMeanDiscrepancyParticleFlow(kernel, step);
                return () => mmdFlow.Advance(ensemble, targetSamples!, random);
            case ParticleMethod.InteractionForceTransport:
                var ift = new InteractionForceTransportParticles(kernel, step, flow.Alpha, flow.Beta, flow.Epsilon);
                return () => ift.Advance(ensemble, targetSamples!);
            default:
                var langevin = new BirthDeathLangevin(step, flow.Beta, DensityBandwidth(ensemble));
                return () => langevin.Advance(ensemble, target, random);
        }
    }

    /// <summary>
    /// The bandwidth of the density estimate of log μ: <c>[particles] density_bandwidth</c>, or
    /// Silverman's rule on the initial particles (a scale of the particles, not of the RKHS kernel:
    /// the median over the mesh nodes would be as wide as the domain).
    /// </summary>
    private double DensityBandwidth(ParticleEnsemble ensemble) =>
        section.DensityBandwidth ?? KernelDensityEstimate.SilvermanBandwidth(ensemble);

    private static double[] Normalized(ParticleEnsemble ensemble)
    {
        double total = ensemble.TotalWeight;
        return ensemble.Weights.ToArray().Select(w => w / total).ToArray();
    }

    /// <summary>Samples from the P1 interpolant of a nodal density (bounded by its nodal maximum, so rejection is exact).</summary>
    private ParticleEnsemble Sample(double[] nodal, int count, Random random)
    {
        var (lower, upper) = problem.Mesh.BoundingBox();
        double bound = nodal.Max();
        var space = problem.Space;
        // Outside the mesh (a non-box domain) the interpolant is undefined: density 0 there.
        double Density(ReadOnlySpan<double> x)
        {
            double v = space.Evaluate(nodal, x);
            return double.IsNaN(v) ? 0 : Math.Min(v, bound);
        }

        return ParticleSampling.Rejection(count, Density, lower, upper, bound, random);
    }

    private ParticleTarget Target()
    {
        var definition = problem.Definition;
        int d = problem.Mesh.Dimension;
        var (lower, upper) = problem.Mesh.BoundingBox();
        double size = Enumerable.Range(0, d).Max(k => upper[k] - lower[k]);
        double h = 1e-6 * size;
        var expression = definition.Target.Expression;
        bool isPotential = definition.Target.Kind == TargetKind.Potential;
        double Potential(ReadOnlySpan<double> x)
        {
            double v = expression.At(x);
            return isPotential ? v : -Math.Log(v);
        }

        void Gradient(ReadOnlySpan<double> x, Span<double> result)
        {
            Span<double> shifted = stackalloc double[d];
            for (int k = 0; k < d; k++)
            {
                x.CopyTo(shifted);
                shifted[k] = x[k] + h;
                double plus = Potential(shifted);
                shifted[k] = x[k] - h;
                double minus = Potential(shifted);
                result[k] = (plus - minus) / (2 * h);
            }
        }

        return new ParticleTarget(d, Potential, Gradient);
    }
}
