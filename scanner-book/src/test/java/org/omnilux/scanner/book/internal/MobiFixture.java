package org.omnilux.scanner.book.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Mobipocket book byte by byte, as Calibre and KindleGen lay one out: a Palm database header, the record
 * list, record 0 (PalmDOC header, MOBI header, EXTH block, full name), one text record, the images and the
 * end-of-file record. Only what the reader looks at is filled in; the rest is zero.
 */
final class MobiFixture {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1,
            1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

    String fullName = "Dune";
    int mobiVersion = 6;
    Charset charset = StandardCharsets.UTF_8;
    int locale = 0x0409;
    boolean exth = true;
    /** EXTH records in order: type and value (String, or Integer for a 4-byte number). */
    final List<Object[]> exthRecords = new ArrayList<>();
    final List<byte[]> images = new ArrayList<>();

    MobiFixture exth(int type, Object value) {
        exthRecords.add(new Object[] {type, value});
        return this;
    }

    MobiFixture image(byte[] image) {
        images.add(image);
        return this;
    }

    /** Record 0's MOBI header starts here in the file (78-byte header + 8 bytes per record, 2 bytes of gap). */
    int record0Offset() {
        return 78 + 8 * recordCount() + 2;
    }

    int recordCount() {
        return 3 + images.size(); // record 0, one text record, the images, the end-of-file record
    }

    byte[] build() {
        byte[] record0 = record0();
        byte[] text = "<html><body>He who controls the spice</body></html>".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> records = new ArrayList<>();
        records.add(record0);
        records.add(text);
        records.addAll(images);
        records.add(new byte[] {(byte) 0xE9, (byte) 0x8E, 0x0D, 0x0A});

        ByteBuffer header = ByteBuffer.allocate(78 + 8 * records.size() + 2);
        byte[] name = "Dune_Frank_Herbert".getBytes(StandardCharsets.US_ASCII);
        header.put(name);
        header.put(60, "BOOKMOBI".getBytes(StandardCharsets.US_ASCII));
        header.putShort(76, (short) records.size());
        int offset = header.capacity();
        for (int i = 0; i < records.size(); i++) {
            header.putInt(78 + 8 * i, offset);
            header.putInt(78 + 8 * i + 4, 2 * i); // attributes 0, unique id 2i
            offset += records.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private byte[] record0() {
        int mobiLength = 0xE8;
        byte[] exthBlock = exth ? exthBlock() : new byte[0];
        byte[] name = fullName.getBytes(charset);
        int nameOffset = 16 + mobiLength + exthBlock.length;
        ByteBuffer r = ByteBuffer.allocate(nameOffset + name.length + 2 + 4 - (nameOffset + name.length + 2) % 4);
        r.putShort(0, (short) 2); // PalmDOC compression
        r.putInt(4, 51); // text length
        r.putShort(8, (short) 1); // text records
        r.putShort(10, (short) 4096);
        r.put(16, "MOBI".getBytes(StandardCharsets.US_ASCII));
        r.putInt(20, mobiLength);
        r.putInt(24, 2); // a book
        r.putInt(0x1C, charset.equals(StandardCharsets.UTF_8) ? 65001 : 1252);
        r.putInt(0x24, mobiVersion);
        r.putInt(0x54, nameOffset);
        r.putInt(0x58, name.length);
        r.putInt(0x5C, locale);
        r.putInt(0x6C, images.isEmpty() ? -1 : 2); // the first image record
        r.putInt(0x80, exth ? 0x50 : 0);
        r.put(16 + mobiLength, exthBlock);
        r.put(nameOffset, name);
        return r.array();
    }

    private byte[] exthBlock() {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (Object[] record : exthRecords) {
            byte[] data = record[1] instanceof Integer i ? ByteBuffer.allocate(4).putInt(i).array()
                    : ((String) record[1]).getBytes(charset);
            records.writeBytes(ByteBuffer.allocate(8).putInt((Integer) record[0]).putInt(8 + data.length).array());
            records.writeBytes(data);
        }
        int length = 12 + records.size();
        int padding = (4 - length % 4) % 4;
        ByteBuffer exth = ByteBuffer.allocate(length + padding);
        exth.put("EXTH".getBytes(StandardCharsets.US_ASCII)).putInt(length).putInt(exthRecords.size());
        exth.put(records.toByteArray());
        return exth.array();
    }
}
