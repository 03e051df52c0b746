using System.Collections.Immutable;
using PdeFlows.Discretization;
using PdeFlows.Flows;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Flows.Transport;
using PdeFlows.Mesh;
using PdeFlows.Runs.Cases;
using PdeFlows.Runs.Expressions;

namespace PdeFlows.Runs.Problems;

/// <summary>
/// Turns a validated case file into a <see cref="FlowProblem"/>: builds or reads the mesh, normalizes
/// the target on the domain by quadrature, interpolates and scales the initial density, and picks
/// the energy, reaction (the kernel ones straight from KernelApprox, <see cref="CaseKernelComponents"/>),
/// transport and scheme. Expressions reach Flows as plain delegates. Checks that need the mesh (a
/// target that is not normalizable, an initial density negative somewhere or zero everywhere, probes
/// and regions of the wrong dimension, a probe outside the domain or a region that does not overlap
/// it — <see cref="OutputGeometry"/>) throw <see cref="CaseFileException"/> naming the line and key.
/// </summary>
public static class FlowProblemBuilder
{
    /// <summary>Quadrature degree for normalizing the target (smooth expressions; exact for degree-6 polynomials).</summary>
    private const int NormalizationDegree = 6;

    /// <summary>Fraction of the maximum that zero initial values are raised to.</summary>
    public const double FloorFraction = 1e-200;

    /// <summary>Builds the problem.</summary>
    /// <param name="definition">The validated case.</param>
    /// <returns>The problem; dispose it to release the factorizations.</returns>
    /// <exception cref="CaseFileException">A check that needs the mesh failed.</exception>
    public static FlowProblem Build(CaseDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var locations = definition.Locations;
        FlowDiscretization discretization = Discretize(definition);
        var (space, setting, mesh) = (discretization.Space, discretization.Setting, discretization.Mesh);
        var regions = definition.Output.Regions
            .Select(r => (r.Name, new RegionIntegral(mesh, r.Lower.ToArray(), r.Upper.ToArray())))
            .ToList();
        OutputGeometry.CheckRegions(definition, regions, mesh);
        double[][] probes = OutputGeometry.ProbeEvaluationPoints(definition, space);

        var flow = definition.Flow;
        var kernels = new CaseKernelComponents(definition, mesh);
        IEnergy energy = flow.Energy switch
        {
            EnergyKind.KullbackLeibler => RelativeEntropy.Instance,
            EnergyKind.ChiSquared => ChiSquared.Instance,
            _ => kernels.MaximumMeanDiscrepancyEnergy(),
        };

        IReaction? reaction = flow.HasReaction ? Reaction(definition, setting, energy, kernels) : null;
        FiniteElementTransport? transport = null;
        var warnings = new List<string>();
        if (flow.HasTransport)
        {
            if (flow.Energy == EnergyKind.MaximumMeanDiscrepancy)
            {
                throw locations.Error(CaseKeys.Flow.Kind, "the transport part of the MMD energy is not supported; use kind = \"fr\" or \"sfr\" with energy = \"mmd\"");
            }

            var mobility = flow.Energy == EnergyKind.KullbackLeibler ? TransportMobility.Target : TransportMobility.PreviousDensity;
            transport = new FiniteElementTransport(space, setting, discretization.Target, flow.Alpha, mobility, definition.Solver.Linear, Source(definition, mesh));
            if (!transport.MMatrix.HasMMatrixSignPattern)
            {
                warnings.Add($"the transport stiffness matrix has {transport.MMatrix.PositiveOffDiagonalCount} positive off-diagonal entries (largest {transport.MMatrix.MaxRelativePositiveOffDiagonal:G3} of the diagonal): the mesh has obtuse cells, so positivity is not guaranteed; steps that lose it are rejected and halved");
            }
        }
        else if (flow.Source is not null)
        {
            throw locations.Error(CaseKeys.Flow.Source, "a source term needs a transport part (kind = \"w\", \"wfr\" or \"swfr\" with alpha > 0)");
        }

        if (discretization.FlooredInitialNodes > 0)
        {
            warnings.Add($"the initial density is zero at {discretization.FlooredInitialNodes} nodes; it was raised there to {FloorFraction:G1} of its maximum, since the logarithmic variables need u > 0");
        }

        var solver = new SplittingFlowSolver(setting, energy, reaction, transport, definition.Time.Scheme, definition.Time.Step);
        return new FlowProblem(definition, discretization, energy, reaction, transport, solver, regions, probes, warnings);
    }

    /// <summary>
    /// The discretization of a case alone (mesh, space, setting, normalized target, initial density),
    /// without solver resources.
    /// </summary>
    /// <param name="definition">The validated case.</param>
    /// <returns>The discretization.</returns>
    /// <exception cref="CaseFileException">A check that needs the mesh failed.</exception>
    public static FlowDiscretization Discretize(CaseDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        SimplexMesh mesh = MeshFromCase.Build(definition);
        Running.StartupPhases.Mark("mesh");
        var space = new P1Space(mesh);
        CheckOutputDimensions(definition, mesh.Dimension);

        var (target, normalization) = NormalizedTarget(definition, space);
        Running.StartupPhases.Mark("target (normalization by quadrature)");
        var nodalTarget = space.Interpolate(target);
        for (int i = 0; i < nodalTarget.Length; i++)
        {
            if (!(nodalTarget[i] > 0) || !double.IsFinite(nodalTarget[i]))
            {
                throw definition.Locations.Error(definition.Target.KeyPath, $"the normalized target is {nodalTarget[i]:G3} at the node {Format(mesh.Vertex(i))}; it must be positive and finite at every node (the relative entropy needs log π)");
            }
        }

        var lumped = Discretization.Assembly.LumpedMass.Compute(space);
        var setting = new NodalSetting(lumped, nodalTarget);
        var (initial, floored) = InitialDensity(definition, space, setting);
        Running.StartupPhases.Mark("lumped mass, initial density");
        return new FlowDiscretization(space, setting, target, normalization, ImmutableArray.Create(initial), floored);
    }

    private static (SpatialFunction Target, double Normalization) NormalizedTarget(CaseDefinition definition, P1Space space)
    {
        var section = definition.Target;
        var mesh = space.Mesh;
        CompiledExpression expression = section.Expression;
        SpatialFunction unnormalized;
        if (section.Kind == TargetKind.Potential)
        {
            // π ∝ e^{−V}; shifting V by its minimum over the nodes avoids underflow and is absorbed by Z.
            double minimum = double.PositiveInfinity;
            for (int i = 0; i < mesh.VertexCount; i++)
            {
                double v = expression.At(mesh.Vertex(i));
                if (!double.IsFinite(v))
                {
                    throw definition.Locations.Error(section.KeyPath, $"the potential is {v} at the node {Format(mesh.Vertex(i))}; it must be finite on the domain");
                }

                minimum = Math.Min(minimum, v);
            }

            unnormalized = x => Math.Exp(-(expression.At(x) - minimum));
        }
        else
        {
            for (int i = 0; i < mesh.VertexCount; i++)
            {
                double v = expression.At(mesh.Vertex(i));
                if (!(v >= 0) || !double.IsFinite(v))
                {
                    throw definition.Locations.Error(section.KeyPath, $"the target density is {v:G3} at the node {Format(mesh.Vertex(i))}; it must be finite and ≥ 0");
                }
            }

            unnormalized = x => expression.At(x);
        }

        double z = space.Integrate(unnormalized, NormalizationDegree);
        if (!(z > 0) || !double.IsFinite(z))
        {
            throw definition.Locations.Error(section.KeyPath, $"the target is not normalizable on the domain: its integral is {z:G3}");
        }

        return (x => unnormalized(x) / z, z);
    }

    private static (double[] Density, int Floored) InitialDensity(CaseDefinition definition, P1Space space, NodalSetting setting)
    {
        var mesh = space.Mesh;
        var expression = definition.Initial.Density;
        var u = new double[mesh.VertexCount];
        double max = 0;
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = expression.At(mesh.Vertex(i));
            if (!double.IsFinite(u[i]) || u[i] < 0)
            {
                throw definition.Locations.Error(CaseKeys.Initial.Density, $"the initial density is {u[i]:G3} at the node {Format(mesh.Vertex(i))}; it must be finite and ≥ 0 everywhere");
            }

            max = Math.Max(max, u[i]);
        }

        if (max == 0)
        {
            throw definition.Locations.Error(CaseKeys.Initial.Density, "the initial density is zero at every node of the mesh");
        }

        int floored = 0;
        for (int i = 0; i < u.Length; i++)
        {
            if (u[i] < max * FloorFraction)
            {
                u[i] = max * FloorFraction;
                floored++;
            }
        }

        if (definition.Initial.Mass is double mass)
        {
            double scale = mass / setting.Mass(u);
            for (int i = 0; i < u.Length; i++)
            {
                u[i] *= scale;
            }
        }

        return (u, floored);
    }

    private static IReaction Reaction(CaseDefinition definition, NodalSetting setting, IEnergy energy, CaseKernelComponents kernels)
    {
        var flow = definition.Flow;
        bool spherical = flow.IsSpherical;
        if (flow.Reaction != ReactionKind.Exact)
        {
            return kernels.Reaction(setting, energy);
        }

        return flow.Energy switch
        {
            EnergyKind.KullbackLeibler => new RelativeEntropyReaction(setting, flow.Beta, spherical),
            EnergyKind.ChiSquared when !spherical => new ChiSquaredReaction(setting, flow.Beta),
            _ => new IntegratedReaction(new FisherRaoRate(energy, setting, flow.Beta, spherical), setting.Count, definition.Solver.ReactionTolerance),
        };
    }

    private static NodalSource? Source(CaseDefinition definition, SimplexMesh mesh)
    {
        if (definition.Flow.Source is not CompiledExpression source)
        {
            return null;
        }

        return (time, values) =>
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = source.At(mesh.Vertex(i), time);
            }
        };
    }

    private static void CheckOutputDimensions(CaseDefinition definition, int d)
    {
        var output = definition.Output;
        for (int k = 0; k < output.Probes.Length; k++)
        {
            if (output.Probes[k].Length != d)
            {
                throw definition.Locations.Error(CaseKeys.Output.Probes, $"item {k + 1}: the point has {output.Probes[k].Length} coordinates, the mesh has dimension {d}");
            }
        }

        foreach (var region in output.Regions)
        {
            if (region.Lower.Length != d || region.Upper.Length != d)
            {
                throw definition.Locations.Error($"{CaseKeys.Output.Regions.Path}.{region.Name}", $"the region's corners need {d} coordinates each (the mesh dimension)");
            }
        }
    }

    internal static string Format(ReadOnlySpan<double> x) =>
        "(" + string.Join(", ", x.ToArray().Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
