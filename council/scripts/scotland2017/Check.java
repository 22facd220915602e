import java.nio.file.*;
import java.util.*;
import org.gosplan.council.files.*;
import org.gosplan.council.count.*;

public class Check {
    public static void main(String[] a) throws Exception {
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            String[] t = line.split(" ");
            try {
                PrefLibElection e = PrefLibReader.read(Path.of(t[0]));
                Tally tally = Stv.count(e.options(), e.rankings(), Integer.parseInt(t[1]));
                StringBuilder sb = new StringBuilder();
                sb.append("{\"file\":\"").append(t[0]).append("\",\"res\":\"").append(t[2]).append("\",\"winners\":[");
                for (int i = 0; i < tally.winners().size(); i++) sb.append(i > 0 ? "," : "").append('"').append(tally.winners().get(i)).append('"');
                sb.append("],\"ties\":").append(tally.ties().size()).append(",\"rounds\":[");
                for (int r = 0; r < tally.rounds().size(); r++) {
                    Map<String, Object> round = tally.rounds().get(r);
                    sb.append(r > 0 ? "," : "").append("{\"action\":\"").append(round.get("action")).append("\",\"quota\":\"").append(round.get("quota")).append("\",\"values\":{");
                    @SuppressWarnings("unchecked") Map<String, Object> v = (Map<String, Object>) round.get("values");
                    int k = 0;
                    for (var en : v.entrySet()) sb.append(k++ > 0 ? "," : "").append('"').append(en.getKey()).append("\":\"").append(en.getValue()).append('"');
                    sb.append("}}");
                }
                sb.append("]}");
                System.out.println(sb);
            } catch (RuntimeException ex) {
                System.out.println("{\"file\":\"" + t[0] + "\",\"error\":\"" + ex.toString().replace("\"", "'") + "\"}");
            }
        }
    }
}
