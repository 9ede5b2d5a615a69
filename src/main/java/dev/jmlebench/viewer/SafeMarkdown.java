package dev.jmlebench.viewer;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Model output as HTML that can be put into a page as is: any HTML in the text is escaped and shows as
 * text, link targets other than safe schemes are dropped, and images become text so that opening a
 * response never fetches anything from elsewhere.
 */
final class SafeMarkdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      // Models write one item per line without Markdown's blank lines; keep their line breaks.
      .softbreak("<br>\n")
      .nodeRendererFactory(ImageAsText::new)
      .attributeProviderFactory(context -> (node, tagName, attributes) -> {
        if (node instanceof Link) {
          attributes.put("rel", "noopener noreferrer nofollow");
          attributes.put("target", "_blank");
        }
      })
      .build();

  private SafeMarkdown() {}

  static String render(String markdown) {
    return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
  }

  /** {@code ![alt](url)} shows as {@code [image: alt — url]}. */
  private static final class ImageAsText implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    ImageAsText(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      Image image = (Image) node;
      html.text("[image: ");
      for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Text text) {
          html.text(text.getLiteral());
        } else {
          context.render(child);
        }
      }
      html.text(" — " + image.getDestination() + "]");
    }
  }
}
