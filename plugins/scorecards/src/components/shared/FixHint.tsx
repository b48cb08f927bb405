import { MarkdownContent } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  // Inline in a list or a table cell: no paragraph margins, the surrounding text's size.
  hint: {
    display: 'inline',
    fontSize: 'inherit',
    '& p': { display: 'inline', margin: 0 },
    '& code': {
      fontSize: '0.9em',
      padding: theme.spacing(0, 0.5),
      borderRadius: 3,
      background: theme.palette.action.hover,
      // In secondary text too, code keeps WCAG AA's 4.5:1 on its grey.
      color: theme.palette.text.primary,
    },
  },
}));

/**
 * The hint as Markdown whose raw HTML reads as text: each `<` outside code spans is escaped
 * (`\<`), so `<script>` or `<img onerror>` shows as written instead of becoming an element.
 */
export function escapeRawHtml(markdown: string): string {
  // A code span (a run of backticks, its text, the same run) is kept as it is; any other `<`
  // is escaped. A backtick with no closing run is a plain character, as in CommonMark.
  return markdown.replace(/(`+)[\s\S]*?\1|</g, match =>
    match === '<' ? '\\<' : match,
  );
}

/**
 * A check's fix hint as its policy author wrote it, in Markdown (`commands`, links, emphasis),
 * rendered. Raw HTML shows as text, and MarkdownContent drops script URLs from links.
 */
export function FixHint(props: { hint: string }) {
  const classes = useStyles();
  return (
    <MarkdownContent
      className={classes.hint}
      content={escapeRawHtml(props.hint)}
      dialect="gfm"
      linkTarget="_blank"
    />
  );
}
