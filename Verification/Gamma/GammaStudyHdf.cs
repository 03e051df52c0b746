using PureHDF;

namespace PdeFlows.Verification.Gamma;

/// <summary>The HDF5 file of a Γ-convergence study: every sampled path quantity of every run, one group per run.</summary>
public static class GammaStudyHdf
{
    /// <summary>Writes the runs to <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="runs">Each run's key (its group name, '/' replaced) and measurement.</param>
    public static void Write(string path, IReadOnlyList<(string Key, GammaPathMeasurement Measurement)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var file = new H5File();
        file.Attributes["format"] = "pdeflows-gamma-study";
        file.Attributes["format_version"] = 2;
        var group = new H5Group();
        foreach (var (key, s) in runs)
        {
            var run = new H5Group
            {
                ["times"] = D(s.Times), ["l1"] = D(s.L1), ["hellinger"] = D(s.Hellinger), ["mmd"] = D(s.MaximumMeanDiscrepancy),
                ["kl"] = D(s.KullbackLeibler), ["energy"] = D(s.Energy), ["limit_energy"] = D(s.LimitEnergy), ["dissipation"] = D(s.Dissipation),
                ["transport_dissipation"] = D(s.TransportDissipation), ["rate_potential"] = D(s.RatePotential), ["slope_potential"] = D(s.SlopePotential),
                ["limit_rate_potential"] = D([.. s.Samples.Select(x => x.LimitRatePotential)]), ["limit_slope_potential"] = D([.. s.Samples.Select(x => x.LimitSlopePotential)]),
                ["limit_dissipation"] = D(s.LimitDissipation), ["deficit"] = D(s.Deficit), ["stationarity_defect"] = D([.. s.Samples.Select(x => x.StationarityDefect)]),
            };
            run.Attributes["lambda"] = s.Lambda;
            run.Attributes["edb_residual"] = s.EdbResidual;
            run.Attributes["dissipation_functional"] = s.DissipationFunctional;
            run.Attributes["limit_dissipation_functional"] = s.LimitDissipationFunctional;
            group[key.Replace('/', '_')] = run;
        }

        file["runs"] = group;
        file.Write(path);
    }

    private static H5Dataset D(double[] values) => new(values, fileDims: [(ulong)values.Length]);
}
