package dev.scoreline.plugins.csv;

import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.ListMembership;
import dev.scoreline.testkit.AdapterContents;
import dev.scoreline.testkit.AdapterTestKit;
import dev.scoreline.plugins.internal.FilePosition;
import dev.scoreline.testkit.RecordedProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CsvAdapterTest {

    private static void write(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    @Test
    void aProjectionLeavesOutTheColumnsNoScoreReads(@TempDir Path dir) throws Exception {
        write(dir, "contact.csv", "Record ID,Job Title,state,notes\nc1,CTO,Northeast;Midwest,long text\n");
        write(dir, "events.csv", "record,type,at,prop.form_name,prop.pages\n"
                + "contact:c1,form_submission,2026-01-02T10:00:00Z,Demo,/a;/b\ncontact:c1,page_view,2026-01-02,,/a\n");
        dev.scoreline.api.Projection projection = dev.scoreline.api.Projection.builder()
                .recordProperty("Contact", "STATE").eventProperty("form_submission", "form_name").build();
        CsvAdapter adapter = new CsvAdapter(dir);
        adapter.open(new RecordedProblems());
        try (var records = adapter.records(projection); var events = adapter.events(projection)) {
            List<CrmRecord> r = records.toList();
            List<CrmEvent> e = events.toList();
            assertThat(r.get(0).properties()).isEqualTo(Map.of("state", List.of("Northeast", "Midwest")));
            assertThat(e).extracting(CrmEvent::properties).containsExactly(Map.of("form_name", "Demo"), Map.of());
        }
    }

    @Test
    void readsExportsWithQuotingMultiValuesAndUnknowns(@TempDir Path dir) throws Exception {
        write(dir, "contact.csv", "\uFEFFRecord ID,Job Title,state,notes,revenue\r\n"
                + "c1,CTO,Northeast;Midwest,\"says \"\"hi\"\", then\nleaves\",5000000\r\n"
                + "c2,,West,,\r\n"
                + "\r\n"
                + "c3, CEO ,;;,\"\",2.50\r\n");
        write(dir, "events.csv", "record,type,at,prop.form_name,prop.pages\n"
                + "contact:c1,form_submission,2026-01-02T10:00:00Z,\"Contact us, sales\",/a;/b\n"
                + "contact:c2,page_view,1767348000000,,\n");
        write(dir, "associations.csv", "from,to,labels\ncontact:c1,company:a1,Primary;Billing\ncontact:c2,company:a1,\n");
        write(dir, "lists.csv", "list,record\nNewsletter,contact:c1\n");
        AdapterContents read = AdapterTestKit.checkContract(() -> new CsvAdapter(dir));

        assertThat(read.problems().all()).isEmpty();
        assertThat(read.records()).extracting(r -> r.key().toString()).containsExactly("contact:c1", "contact:c2", "contact:c3");
        CrmRecord c1 = read.records().get(0);
        assertThat(c1.properties()).containsExactly(entry("Job Title", "CTO"), entry("state", List.of("Northeast", "Midwest")),
                entry("notes", "says \"hi\", then\nleaves"), entry("revenue", "5000000"));
        assertThat(read.records().get(1).properties()).isEqualTo(Map.of("state", "West"));
        assertThat(read.records().get(2).properties()).isEqualTo(Map.of("Job Title", " CEO ", "revenue", "2.50"));
        assertThat(read.events()).extracting(CrmEvent::at).containsExactly(
                Instant.parse("2026-01-02T10:00:00Z"), Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(read.events().get(0).properties()).isEqualTo(Map.of("form_name", "Contact us, sales", "pages", List.of("/a", "/b")));
        assertThat(read.associations().get(0).labels()).isEqualTo(Set.of("Primary", "Billing"));
        assertThat(read.associations().get(1).labels()).isEmpty();
        assertThat(read.listMemberships()).extracting(ListMembership::list).containsExactly("Newsletter");
    }

    @Test
    void everyKindOfBadRowIsSkippedAndReportedWithItsLine(@TempDir Path dir) throws Exception {
        write(dir, "contact.csv", "id,name\n"
                + "c1,Ann\n"
                + "c2\n"                                   // 3 too few cells
                + "c3,Bob,extra\n"                         // 4 too many cells
                + ",Nobody\n"                              // 5 empty id
                + "c4,\"quoted\"after\n"                   // 6 text after a closing quote
                + "c5,\"multi\nline\"\n"                   // 7-8 fine, spans two lines
                + "c6,Eve\n"                               // 9
                + "c7,\"never closed\n");                  // 10 unterminated
        write(dir, "company.csv", "name,industry\nAcme,Software\n");           // no id column: file skipped
        write(dir, "deal.csv", "id,amount,Amount\nd1,1,2\n");                 // duplicate column: file skipped
        write(dir, "events.csv", "record,type,at,source\n"
                + "contact:c1,open,2026-01-01,x\n"
                + "c1,open,2026-01-01,x\n"                 // 3 key without type:id
                + "contact:c1,open,soon,x\n"               // 4 unreadable at
                + "contact:c1,,2026-01-01,x\n");           // 5 empty type
        write(dir, "lists.csv", "list,record\n,contact:c1\n");                 // 2 empty list
        write(dir, "associations.csv", "from,too\n");                          // no "to": file skipped
        AdapterContents read = AdapterTestKit.read(new CsvAdapter(dir));
        RecordedProblems problems = read.problems();

        assertThat(read.records()).extracting(r -> r.key().id()).containsExactly("c1", "c5", "c6");
        assertThat(read.records().get(1).properties()).isEqualTo(Map.of("name", "multi\nline"));
        assertThat(read.events()).hasSize(1);
        assertThat(problems.badLineLocations()).containsExactlyInAnyOrder(
                "company.csv:1", "contact.csv:3", "contact.csv:4", "contact.csv:5", "contact.csv:6", "contact.csv:10",
                "deal.csv:1", "events.csv:3", "events.csv:4", "events.csv:5", "associations.csv:1", "lists.csv:2");
        assertThat(problems.badLines()).extracting(RecordedProblems.Problem::toString).contains(
                "contact.csv:3: bad line: the row has 1 cells, the header has 2",
                "contact.csv:5: bad line: required cell \"id\" is empty",
                "contact.csv:10: bad line: a quoted cell opened on line 10 is never closed",
                "company.csv:1: bad line: header: the header has no \"id\" or \"Record ID\" column; the file is skipped",
                "deal.csv:1: bad line: header: column \"Amount\" appears twice; the file is skipped",
                "events.csv:3: bad line: \"record\" is not a record key written type:id: \"c1\"");
        assertThat(problems.warnings()).singleElement().asString()
                .isEqualTo("events.csv:1: warning: column \"source\" is not used (event properties are prop.NAME columns)");
    }

    @Test
    void invalidUtf8EndsTheFileWithAReport(@TempDir Path dir) throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve("contact.csv"))) {
            out.write("id,name\nc1,Ann\nc2,".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        }
        AdapterContents read = AdapterTestKit.read(new CsvAdapter(dir));
        assertThat(read.records()).hasSize(1);
        assertThat(read.problems().badLines()).singleElement().asString().contains("contact.csv:3", "not valid UTF-8");
    }

    @Test
    void theChangeFeedReportsRowsAppendedToEveryFile(@TempDir Path dir) throws Exception {
        write(dir, "contact.csv", "id,jobtitle\nc1,CTO\n\n");
        write(dir, "events.csv", "record,type,at\ncontact:c1,a,2026-01-02T10:00:00Z\n");
        RecordedProblems problems = new RecordedProblems();
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new CsvAdapter(dir), problems);
        String start = feed.currentWatermark();
        assertThat(start).isEqualTo(feed.changesSince(null).nextWatermark());
        assertThat(FilePosition.parse("csv", start)).containsOnlyKeys("contact.csv", "events.csv");
        assertThat(feed.changesSince(start).changes()).isEmpty();

        Files.writeString(dir.resolve("contact.csv"), "c1,VP Sales\n\"c2\",\"multi\nline\"\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("events.csv"), "contact:c2,b,2026-01-03T10:00:00Z\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        write(dir, "lists.csv", "list,record\nVIP,contact:c2\n");
        dev.scoreline.api.ChangeFeed.Batch batch = feed.changesSince(start);
        assertThat(batch.changes()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("RecordUpserted", "RecordUpserted", "ListMembershipAdded", "EventAppended");
        assertThat(((dev.scoreline.api.DataChange.RecordUpserted) batch.changes().get(0)).record().properties())
                .isEqualTo(Map.of("jobtitle", "VP Sales"));
        assertThat(((dev.scoreline.api.DataChange.RecordUpserted) batch.changes().get(1)).record().properties())
                .isEqualTo(Map.of("jobtitle", "multi\nline"));
        assertThat(batch.nextWatermark()).isEqualTo(feed.currentWatermark());
        assertThat(FilePosition.parse("csv", batch.nextWatermark())).containsOnlyKeys("contact.csv", "lists.csv", "events.csv")
                .hasEntrySatisfying("contact.csv", p -> assertThat(p.lines()).isEqualTo(6))
                .hasEntrySatisfying("events.csv", p -> assertThat(p.offset()).isEqualTo(dir.resolve("events.csv").toFile().length()));
        assertThat(feed.changesSince(batch.nextWatermark()).changes()).isEmpty();
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void aPollStopsBeforeARowWhoseQuotedCellIsStillBeingWritten(@TempDir Path dir) throws Exception {
        write(dir, "contact.csv", "id,notes\nc1,x\n");
        RecordedProblems problems = new RecordedProblems();
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new CsvAdapter(dir), problems);
        String start = feed.currentWatermark();
        Files.writeString(dir.resolve("contact.csv"), "c2,\"first line\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        dev.scoreline.api.ChangeFeed.Batch half = feed.changesSince(start);
        assertThat(half.changes()).isEmpty();
        Files.writeString(dir.resolve("contact.csv"), "second\"\nc3,bad,row\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        dev.scoreline.api.ChangeFeed.Batch whole = feed.changesSince(half.nextWatermark());
        assertThat(whole.changes()).singleElement().satisfies(c -> assertThat(
                ((dev.scoreline.api.DataChange.RecordUpserted) c).record().properties()).isEqualTo(Map.of("notes", "first line\nsecond")));
        assertThat(problems.badLines()).singleElement().asString().contains("contact.csv:5", "3 cells");
    }

    @Test
    void aRewrittenOrRemovedExportIsReportedAsRewritten(@TempDir Path dir) throws Exception {
        write(dir, "contact.csv", "id,jobtitle\nc1,CTO\n");
        write(dir, "company.csv", "id,name\na1,Acme\n");
        dev.scoreline.api.ChangeFeed feed = AdapterTestKit.openFeed(new CsvAdapter(dir), new RecordedProblems());
        String start = feed.currentWatermark();
        write(dir, "contact.csv", "id,jobtitle\nc1,CFO\n");
        assertThatThrownBy(() -> feed.changesSince(start)).isInstanceOf(dev.scoreline.api.ChangeFeed.SourceRewritten.class)
                .hasMessage("contact.csv was rewritten (same length, the bytes the last run read differ)");
        write(dir, "contact.csv", "id,jobtitle\nc1,CTO\n");
        Files.delete(dir.resolve("company.csv"));
        assertThatThrownBy(() -> feed.changesSince(start)).hasMessage("company.csv was rewritten (it was removed)");
    }

    @Test
    void anEventTimeBefore1980AsksWhetherItIsEpochSecondsWithTheRowItIsOn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("contact.csv"), "id\nc1\n");
        Files.writeString(dir.resolve("events.csv"), "record,type,at\ncontact:c1,call,1740787200\n"
                + "contact:c1,call,1740787200000\ncontact:c1,call,1975-05-01\n");
        AdapterContents read = AdapterTestKit.read(new CsvAdapter(dir));
        assertThat(read.events()).as("kept: the time may be right").hasSize(3);
        assertThat(read.problems().warnings()).extracting(RecordedProblems.Problem::toString).satisfiesExactly(
                w -> assertThat(w).startsWith("events.csv:2").contains(
                        "\"at\" reads as 1970-01-21T03:33:07.200Z, before 1980: epoch seconds?"),
                w -> assertThat(w).startsWith("events.csv:4").contains("\"at\" reads as 1975-05-01T00:00:00Z, before 1980"));
    }
}
