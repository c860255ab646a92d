package org.perfgraph.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages and every asset they load are served by this server from the jar (no browser needed; BrowserTest runs
 * them). A page that names an asset elsewhere, or an asset that is not served, fails here.
 */
class PagesTest extends GraphTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void root_redirects_to_the_dashboard() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
    }

    @Test
    void the_dashboard_and_the_upload_page_load_only_assets_of_this_server() throws Exception {
        for (String page : List.of("/dashboard", "/import")) {
            HttpResponse<String> html = get(page);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            Matcher m = ASSET.matcher(html.body());
            int assets = 0;
            while (m.find()) {
                String url = m.group(1);
                if (url.startsWith("data:")) {
                    continue;
                }
                assertThat(url).as(page).startsWith("/");
                assertThat(get(url).statusCode()).as(url).isEqualTo(200);
                assets++;
            }
            assertThat(assets).as(page).isGreaterThanOrEqualTo(3);
        }
        // ECharts from its Maven artifact
        HttpResponse<String> echarts = get("/_static/echarts/6.0.0/dist/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(get("/dashboard").body()).contains("/_static/echarts/6.0.0/dist/echarts.min.js");
    }
}
