using System.Text;

namespace HealingNetwork.Benchmarks.Reporting;

/// <summary>
/// A markdown fragment for one benchmark mode. Each mode writes its own file under the results
/// folder (search.md, load.md, micro.md); the bench script joins them into results.md.
/// </summary>
public sealed class ResultsReport(string title)
{
    private readonly StringBuilder _text = new StringBuilder().AppendLine($"## {title}").AppendLine();

    public ResultsReport Line(string line)
    {
        _text.AppendLine(line);
        Console.WriteLine(line);
        return this;
    }

    public ResultsReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows) Line("| " + string.Join(" | ", row) + " |");
        return Line("");
    }

    public void Save(string resultsDirectory, string fileName)
    {
        System.IO.Directory.CreateDirectory(resultsDirectory);
        File.WriteAllText(Path.Combine(resultsDirectory, fileName), _text.ToString());
    }
}
