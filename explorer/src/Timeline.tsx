import type { PartnershipEvent } from './api.js';
import { dayNumber, describeDate, formatDate, fromApi, partialDate, type PartialDate } from './dates.js';
import { EDGE_STYLES } from './styling.js';

interface TimelineProps {
  brand: string;
  events: PartnershipEvent[];
  onPick: (id: string) => void;
}

/**
 * A partnership on the axis: the date it is placed at, which date that is, whom it joins the brand with, and for
 * one with a span (valid time) whether that span has ended (`until`) or goes on.
 */
interface TimelineEntry {
  event: PartnershipEvent;
  partners: string;
  at: PartialDate;
  placedBy: string;
  span: { until: PartialDate | null } | null;
}

/**
 * When a partnership happened: its span when the API believes one, else its start, else its announcement, else its
 * first report, each with its own precision.
 */
function entryOf(event: PartnershipEvent, brand: string): TimelineEntry {
  const partners = event.brands
    .filter((other) => other.name !== brand)
    .map((other) => other.name)
    .join(', ');
  const spanStart = partialDate(event.span.startedOn, event.span.startedOnPrecision);
  const started = fromApi(event.started);
  const announced = fromApi(event.announced);
  const reported = { day: event.reported.from, precision: event.reported.precision };
  if (spanStart) {
    const until = partialDate(event.span.endedOn, event.span.endedOnPrecision);
    return { event, partners, at: spanStart, placedBy: event.span.start?.event.toLowerCase() ?? 'started', span: { until } };
  }
  if (started) return { event, partners, at: started, placedBy: 'started', span: null };
  if (announced) return { event, partners, at: announced, placedBy: 'announced', span: null };
  return { event, partners, at: reported, placedBy: 'first reported', span: null };
}

/** Maps dates to percentages of the axis width, with a margin at both ends for labels. */
function axisOf(dates: PartialDate[]): (date: PartialDate) => number {
  const days = dates.map(dayNumber);
  const first = Math.min(...days);
  const span = Math.max(...days) - first || 1;
  return (date) => 4 + (92 * (dayNumber(date) - first)) / span;
}

/** Room a label takes beside its date, in percent of the axis: a guess wide enough for a partner's name and dates. */
const LABEL_ROOM = 22;
const LANE_HEIGHT = 30;

/**
 * Stacks the entries in lanes so no bar or label runs over another: each goes into the first lane where it fits,
 * given the stretch of the axis it takes from `left` to `right` (percentages) and its label beside it.
 */
function lanesOf(stretches: Array<{ left: number; right: number }>): number[] {
  const laneEnds: number[] = [];
  return stretches.map(({ left, right }) => {
    const [from, to] = left > 70 ? [Math.min(left, right - LABEL_ROOM), right] : [left, Math.max(right, left + LABEL_ROOM)];
    const lane = laneEnds.findIndex((end) => end < from);
    const chosen = lane === -1 ? laneEnds.length : lane;
    laneEnds[chosen] = to;
    return chosen;
  });
}

/**
 * The brand's partnerships along one axis, marked by their confidence: one with a span is a bar from its start to
 * its end, or open to the right edge (fading, with an arrow) while it goes on; one without is a dot at its date.
 */
export function Timeline({ brand, events, onPick }: TimelineProps) {
  if (events.length === 0) return <p className="muted">No partnerships of {brand} known on this day.</p>;
  const entries = events.map((event) => entryOf(event, brand));
  const position = axisOf(entries.flatMap((entry) => (entry.span?.until ? [entry.at, entry.span.until] : [entry.at])));
  const years = [...new Set(entries.map((entry) => entry.at.day.slice(0, 4)))];
  const stretches = entries.map(({ at, span }) => {
    const left = position(at);
    return { left, right: span ? (span.until ? position(span.until) : 100) : left };
  });
  const lanes = lanesOf(stretches);
  const height = Math.max(120, 8 + (Math.max(...lanes) + 1) * LANE_HEIGHT + 24);
  return (
    <div className="timeline" style={{ height: `${height}px` }}>
      <ol aria-label={`Partner timeline of ${brand}`} className="timeline-axis">
        {entries.map(({ event, partners, at, placedBy, span }, index) => {
          const { left, right } = stretches[index]!;
          const { colour, meaning } = EDGE_STYLES[event.confidence];
          const reported = formatDate(fromApi(event.reported));
          const dates = span ? `${formatDate(at)} – ${span.until ? formatDate(span.until) : 'ongoing'}` : formatDate(at);
          const classes = [
            'timeline-event',
            `confidence-${event.confidence}`,
            span ? `timeline-span ${span.until ? 'span-ended' : 'span-open'}` : '',
            left > 70 ? 'label-before' : '',
          ];
          return (
            <li
              key={event.id}
              style={{ left: `${left}%`, top: `${8 + lanes[index]! * LANE_HEIGHT}px`, ...(span && { width: `${Math.max(right - left, 0.5)}%` }) }}
              className={classes.filter(Boolean).join(' ')}
            >
              <button
                type="button"
                onClick={() => onPick(event.id)}
                title={`${event.kind}, ${placedBy} ${describeDate(at)}${
                  span ? (span.until ? `, ended ${describeDate(span.until)}` : ', still in force') : ''
                }, first reported ${reported}`}
              >
                {span ? (
                  <span className="timeline-bar" style={{ color: colour }} aria-hidden="true" />
                ) : (
                  <span className="timeline-marker" style={{ borderColor: colour }} aria-hidden="true" />
                )}
                <span className="timeline-label">
                  {partners}{' '}
                  <time className="muted" dateTime={formatDate(at)}>
                    {dates}
                  </time>
                </span>
                <span className="visually-hidden">, {meaning}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="timeline-years" aria-hidden="true">
        {years.map((year) => (
          <span key={year} style={{ left: `${Math.max(0, position({ day: `${year}-01-01`, precision: 'DAY' }))}%` }}>
            {year}
          </span>
        ))}
      </div>
    </div>
  );
}
