using PdeFlows.Verification.Convergence;

namespace PdeFlows.Verification.Tests;

public class ConvergenceTableCheckTests
{
    [Fact]
    public void ExpectedOrdersPass()
    {
        var table = StudyTables.PoissonLike();
        var l2 = table.AssertOrder(Metric.L2, 2.0, 0.05);
        var h1 = table.AssertOrder(Metric.H1, 1.0, 0.05);
        Assert.True(l2.Passed);
        Assert.Equal(2.0, l2.Observed, 1e-12);
        Assert.Equal(1.0, h1.Observed, 1e-12);
        Assert.All(table.PairwiseOrders(Metric.L2).Skip(1), p => Assert.Equal(2.0, p, 1e-12));
    }

    [Fact]
    public void MissedOrderFailsWithTheWholeTableInTheMessage()
    {
        var table = StudyTables.FirstOrderOnly();
        var failure = Assert.Throws<ConvergenceOrderException>(() => table.AssertOrder(Metric.L2, 2.0, 0.1));
        string message = failure.Message;
        Assert.False(failure.Verdict.Passed);
        Assert.Equal(1.0, failure.Verdict.Observed, 1e-12);
        Assert.Contains("FAILED", message);
        Assert.Contains("expected 2.00 ± 0.10", message);
        Assert.Contains("observed least-squares slope 1.00", message);
        Assert.Matches(@"\| h +\| +dofs \| +L2 \| +order \|", message);
        foreach (var row in table.Rows)
        {
            Assert.Contains(TableNumberFormat.Scientific(row.ParameterValue), message);
            Assert.Contains(TableNumberFormat.Scientific(row.Errors[0]), message);
        }

        Assert.Contains("1.00", message); // the pairwise orders
        Assert.Contains(TableNumberFormat.Undefined, message); // the first row has no order
    }

    [Fact]
    public void CheckOrderReturnsAVerdictInsteadOfThrowing()
    {
        var verdict = StudyTables.FirstOrderOnly().CheckOrder(Metric.L2, 2.0, 0.1);
        Assert.False(verdict.Passed);
        Assert.StartsWith("FAILED", verdict.Message);
        Assert.True(StudyTables.FirstOrderOnly().CheckOrder(Metric.L2, 1.0, 1e-9).Passed);
    }

    [Fact]
    public void UndefinedOrderFails()
    {
        var table = new ConvergenceTable(SweptParameter.TimeStep, [Metric.L1]);
        table.Add(0.1, null, 0.0);
        table.Add(0.05, null, double.NaN);
        table.Add(0.025, null, 1e-3);
        var verdict = table.CheckOrder(Metric.L1, 1.0, 10.0);
        Assert.False(verdict.Passed);
        Assert.True(double.IsNaN(verdict.Observed));
        Assert.Contains("undefined", verdict.Message);
        Assert.Contains("NaN", verdict.Message);
    }

    [Fact]
    public void TailChecksOnlyTheLastRows()
    {
        var table = new ConvergenceTable(SweptParameter.Regularization, [Metric.KullbackLeibler]);
        double[] lambda = [1e-1, 1e-2, 1e-3, 1e-4, 1e-6, 1e-8];
        double[] errors = [0.64, 0.63, 0.61, 3.2e-3, 5.2e-5, 8.0e-7]; // flat first (fit over all: 0.934), then ≈ λ^0.90
        for (int k = 0; k < lambda.Length; k++)
        {
            table.Add(lambda[k], null, errors[k]);
        }

        Assert.False(table.CheckOrder(Metric.KullbackLeibler, 0.9, 0.02).Passed);
        var tail = table.AssertOrder(Metric.KullbackLeibler, 0.9, 0.02, tailRows: 3);
        Assert.Equal(3, tail.FirstRow);
        Assert.Contains("rows 4–6 of 6", tail.Message);
    }

    [Fact]
    public void InvalidRowsAndMetricsAreRejected()
    {
        var table = new ConvergenceTable(SweptParameter.MeshSize, [Metric.L2, Metric.Custom("mass error")]);
        Assert.Throws<ArgumentException>(() => table.Add(0.0, null, 1.0, 1.0));
        Assert.Throws<ArgumentException>(() => table.Add(double.NaN, null, 1.0, 1.0));
        Assert.Throws<ArgumentException>(() => table.Add(0.1, -1, 1.0, 1.0));
        Assert.Throws<ArgumentException>(() => table.Add(0.1, null, 1.0));
        Assert.Throws<ArgumentException>(() => table.Errors(Metric.H1));
        Assert.Throws<ArgumentException>(() => new ConvergenceTable(SweptParameter.MeshSize, [Metric.L2, Metric.L2]));
        Assert.Throws<ArgumentException>(() => new ConvergenceTable(SweptParameter.MeshSize, []));
        Assert.Throws<ArgumentException>(() => new Metric(MetricKind.Custom));
        Assert.Throws<ArgumentException>(() => Metric.Custom("a|b"));
        Assert.Throws<ArgumentException>(() => new SweptParameter(ParameterKind.Other, ""));
    }
}
