using HealingNetwork.Directory.Storage.Search;
using Lucene.Net.Store;

namespace HealingNetwork.Directory.Tests.Search;

/// <summary>
/// The memory-mapped index directory: what Lucene writes reads back byte for byte (big-endian
/// numbers, variable-length ints, slices of compound files), reads stop at the end with an error
/// rather than reading foreign memory, and clones keep working after the input they were cloned
/// from is closed (what crashed Lucene.NET's own MMapDirectory).
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mapped-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path)) System.IO.Directory.Delete(_path, recursive: true);
    }

    private MappedDirectory WriteSample(string name, int bulk = 5_000)
    {
        var directory = new MappedDirectory(_path);
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteByte(7);
        output.WriteInt16(-2);
        output.WriteInt32(0x12345678);
        output.WriteInt64(-1234567890123L);
        output.WriteVInt32(300);
        output.WriteVInt64(1L << 40);
        output.WriteString("héllo");
        output.WriteBytes(Enumerable.Range(0, bulk).Select(i => (byte)i).ToArray(), bulk);
        return directory;
    }

    [Fact]
    public void Reads_back_what_Lucene_wrote()
    {
        using var directory = WriteSample("a.bin");
        using var input = directory.OpenInput("a.bin", IOContext.DEFAULT);

        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(0x12345678, input.ReadInt32());
        Assert.Equal(-1234567890123L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal(1L << 40, input.ReadVInt64());
        Assert.Equal("héllo", input.ReadString());
        var bulk = new byte[5_000];
        input.ReadBytes(bulk, 0, bulk.Length);
        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (byte)i), bulk);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void Reading_past_the_end_throws_and_seeking_outside_is_refused()
    {
        using var directory = WriteSample("b.bin", bulk: 10);
        using var input = directory.OpenInput("b.bin", IOContext.DEFAULT);

        input.Seek(input.Length - 2);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        input.Seek(input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[4], 0, 4));
        Assert.Throws<EndOfStreamException>(() => input.Seek(input.Length + 1));
        Assert.Throws<EndOfStreamException>(() => input.Seek(-1));
    }

    [Fact]
    public void Clones_read_independently_and_outlive_the_input_they_came_from()
    {
        using var directory = WriteSample("c.bin");
        var input = directory.OpenInput("c.bin", IOContext.DEFAULT);
        input.Seek(1);
        var clone = (IndexInput)input.Clone();
        input.Dispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(-2, clone.ReadInt16());
        var other = (IndexInput)clone.Clone();
        Assert.Equal(0x12345678, clone.ReadInt32());
        Assert.Equal(0x12345678, other.ReadInt32());
    }

    [Fact]
    public void Slices_of_a_compound_file_see_only_their_range()
    {
        using var directory = WriteSample("d.bin", bulk: 100);
        using var slicer = directory.CreateSlicer("d.bin", IOContext.DEFAULT);
        // Byte 1 onwards is the Int16, then the Int32.
        using var slice = slicer.OpenSlice("part", 3, 4);

        Assert.Equal(4, slice.Length);
        Assert.Equal(0x12345678, slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("beyond", 100, 1_000));
    }

    [Fact]
    public void An_empty_file_opens_and_has_nothing_to_read()
    {
        using var directory = new MappedDirectory(_path);
        directory.CreateOutput("empty.bin", IOContext.DEFAULT).Dispose();
        using var input = directory.OpenInput("empty.bin", IOContext.DEFAULT);

        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }
}
