package dev.jmlebench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.prompt.Prompt;
import dev.jmlebench.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A request is sent and its reply read on the asking thread: the client's {@code sendAsync} handed every reply to
 * the common pool, which on a machine of two cores is a new thread per task — one thread started per request
 * (issue 23: the harness's overhead per question more than doubled).
 */
class RequestThreadsTest {
  @Test
  void askingQuestionOneAfterAnotherStartsNoThreadPerRequest() throws Exception {
    Dataset dataset = SharedData.dataset();
    try (MockServer server = MockServer.start(0, dataset, null, MockOptions.INSTANT)) {
      ChatClient chat = new ChatClient(new ClientSettings(server.baseUrl(), "m", null, Duration.ofSeconds(30), null));
      Prompt prompt = Prompt.of(dataset.questions().get(0), ImageMode.BLIND, dataset.imagesDirectory());
      chat.complete(prompt, Duration.ofSeconds(30)); // the client's and the server's own threads start here
      long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

      for (int i = 0; i < 100; i++) {
        chat.complete(prompt, Duration.ofSeconds(30));
      }

      long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before;
      assertThat(started).as("threads started by 100 requests in a row").isLessThan(10);
    }
  }
}
