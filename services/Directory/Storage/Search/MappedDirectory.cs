using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// An <see cref="FSDirectory"/> that reads index files through read-only memory maps, so a read
/// is a memory access instead of a system call. With positional reads (pread, one per buffer
/// refill of 1 KB) the refills were the largest self time in traces of Matching's candidate
/// searches: term dictionary blocks, postings and every hit's listing bytes each cost one
/// (measured back to back: candidate searches 2.61 -> 2.37 ms CPU, filters-only 0.66 -> 0.48).
/// <para>
/// Lucene.NET's own MMapDirectory unmaps a file when its input is closed, while clones of that
/// input may still read it (the crash reports against beta00017). Here a map is never unmapped
/// explicitly: every input and clone holds its <see cref="FileMap"/>, and the map's finalizer
/// unmaps it once none can read it any more, so a read can never touch unmapped memory. The
/// file descriptor is closed as soon as the map exists. Writing is FSDirectory's own.
/// </para>
/// </summary>
internal sealed class MappedDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var map = FileMap.Open(Path.Combine(Directory.FullName, name));
        return new MappedIndexInput($"MappedIndexInput(path=\"{map.File}\")", map, 0, map.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(FileMap.Open(Path.Combine(Directory.FullName, name)));
    }

    /// <summary>Slices of a compound file, sharing its map.</summary>
    private sealed class Slicer(FileMap map) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > map.Length)
                throw new ArgumentException($"slice {offset}:{offset + length} is outside {map.File} ({map.Length} bytes)");
            return new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{map.File}\" slice={offset}:{offset + length})", map, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, map.Length);

        protected override void Dispose(bool disposing)
        {
            // The map outlives the slicer while any slice can read it (see FileMap).
        }
    }
}

/// <summary>
/// One whole file mapped read-only. Unmapped by the finalizer, which runs only once no input or
/// clone refers to the map (each read keeps its input, and so the map, alive until it is done).
/// </summary>
internal sealed unsafe class FileMap
{
    private readonly MemoryMappedViewAccessor? _view;

    private FileMap(string file, long length, MemoryMappedViewAccessor? view, byte* start)
    {
        File = file;
        Length = length;
        _view = view;
        Start = start;
    }

    public string File { get; }
    public long Length { get; }
    public byte* Start { get; }

    public static FileMap Open(string file)
    {
        using var handle = System.IO.File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length == 0) return new FileMap(file, 0, null, null);
        // The view keeps the mapping; the file and the mapping object can be closed once it exists.
        using var mapped = MemoryMappedFile.CreateFromFile(handle, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = mapped.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        return new FileMap(file, length, view, start + view.PointerOffset);
    }

    ~FileMap()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
    }
}

/// <summary>Reads a range of a <see cref="FileMap"/>; big-endian like every Lucene input.</summary>
internal sealed unsafe class MappedIndexInput(string description, FileMap map, long offset, long length) : IndexInput(description)
{
    private readonly byte* _start = map.Start + offset;
    // Referenced so the map lives as long as this input or any clone of it.
    private readonly FileMap _map = map;
    private long _position;

    public override long Length => length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length) throw new EndOfStreamException($"seek to {pos} outside {this} ({length} bytes)");
        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= length) throw new EndOfStreamException($"read past EOF: {this}");
        var value = _start[_position++];
        GC.KeepAlive(this);
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        new ReadOnlySpan<byte>(_start + Advance(len), len).CopyTo(b.AsSpan(offset, len));
        GC.KeepAlive(this);
    }

    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_start + Advance(sizeof(short)), sizeof(short)));
        GC.KeepAlive(this);
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_start + Advance(sizeof(int)), sizeof(int)));
        GC.KeepAlive(this);
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(_start + Advance(sizeof(long)), sizeof(long)));
        GC.KeepAlive(this);
        return value;
    }

    /// <summary>Moves past <paramref name="count"/> bytes and returns where they start; throws past the end.</summary>
    private long Advance(int count)
    {
        if (count < 0 || count > length - _position) throw new EndOfStreamException($"read of {count} bytes past EOF: {this}");
        var at = _position;
        _position += count;
        return at;
    }

    public override object Clone() => base.Clone();

    protected override void Dispose(bool disposing)
    {
        // Nothing to close: the map is released by its finalizer once no input refers to it.
        GC.KeepAlive(_map);
    }
}
