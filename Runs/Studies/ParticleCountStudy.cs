using PdeFlows.Flows.Diagnostics;
using PdeFlows.Runs.Problems;
using PdeFlows.Runs.Running;
using PdeFlows.Verification.Convergence;

namespace PdeFlows.Runs.Studies;

/// <summary>
/// A particle-count sweep: the case's [particles] method with N particles against the mesh solution
/// of the same case (which does not depend on N, so it runs once, through the one runner). Per
/// output time: the MMD between the particle measure and Σ mᵢuᵢδ_{xᵢ} (the kernel of the case,
/// kernel.md §3b), and the errors of mass, mean and covariance. The observed order is in N
/// (negative: Monte-Carlo errors fall like N^{−1/2} at best), reported, not assumed.
/// </summary>
internal static class ParticleCountStudy
{
    public static StudyResult Run(StudyDefinition study, TextWriter? progress, CancellationToken cancellation)
    {
        var mesh = new StudyRunRecord("mesh solution", 0, 0, FlowRuns.Execute(study.BaseCase, keepDensities: true, cancellation));
        progress?.WriteLine($"  mesh solution: {mesh.Run.Mesh.VertexCount} nodes, {mesh.WallSeconds:F1} s");
        double[] times = mesh.Times;
        double[][] densities = [.. mesh.Rows.Select(r => r.DensityArray())];
        var meshMoments = densities.Select(u => DensityMoments.Compute(mesh.Run.Mesh, u)).ToArray();
        var columns = StudyRunner.Columns(study);
        var table = new ConvergenceTable(SweptParameter.Count, columns.Select(c => c.Column), $"{study.Name}: particles against the mesh solution of the same case");
        foreach (double count in study.Sweep.Values)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var runCase = StudyCaseVariants.Apply(study.BaseCase, StudySweepParameter.ParticleCount, count);
            using var problem = FlowProblemBuilder.Build(runCase);
            ParticleSeries particles = new ParticleCaseRun(problem).Run(times, densities);
            var errors = new double[columns.Count];
            for (int i = 0; i < times.Length; i++)
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    if (columns[c].Time is double t && Math.Abs(t - times[i]) > 1e-12 * Math.Max(1, Math.Abs(t)))
                    {
                        continue;
                    }

                    errors[c] = Math.Max(errors[c], Error(columns[c].Metric, particles, i, meshMoments[i]));
                }
            }

            table.Add(count, null, errors);
            progress?.WriteLine($"  N = {count}: {clock.Elapsed.TotalSeconds:F1} s");
        }

        var (verdict, boundFailures) = StudyRunner.CheckExpectations(study, table, columns);
        return new StudyResult(study, table, verdict, [mesh], [], boundFailures);
    }

    private static double Error(MetricKind metric, ParticleSeries particles, int i, DensityMoments.Moments mesh) => metric switch
    {
        MetricKind.MaximumMeanDiscrepancy => particles.MmdToMesh[i],
        MetricKind.Mass => Math.Abs(particles.Mass[i] - mesh.Mass),
        MetricKind.Mean => particles.Mean[i].Zip(mesh.Mean, (a, b) => Math.Abs(a - b)).Max(),
        _ => particles.Covariance[i].SelectMany(r => r).Zip(mesh.Covariance.SelectMany(r => r), (a, b) => Math.Abs(a - b)).Max(),
    };
}
