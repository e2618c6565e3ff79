import type { PartnershipEvent } from './api.js';
import { EDGE_STYLES, formatDay } from './styling.js';

interface TimelineProps {
  brand: string;
  events: PartnershipEvent[];
  onPick: (id: string) => void;
}

/** When a partnership happened: its start, else its announcement, else its first report. */
function placedOn(event: PartnershipEvent): string {
  return event.startedOn ?? event.announcedOn ?? event.reportedOn;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The brand's partnerships along one axis, each placed by its day and marked by its confidence. */
export function Timeline({ brand, events, onPick }: TimelineProps) {
  if (events.length === 0) return <p className="muted">No partnerships of {brand} known on this day.</p>;
  const days = events.map((event) => dayNumber(placedOn(event)));
  const first = Math.min(...days);
  const span = Math.max(...days) - first || 1;
  const years = [...new Set(events.map((event) => placedOn(event).slice(0, 4)))];
  return (
    <div className="timeline">
      <ol aria-label={`Partner timeline of ${brand}`} className="timeline-axis">
        {events.map((event, index) => {
          const partners = event.brands
            .filter((other) => other.name !== brand)
            .map((other) => other.name)
            .join(', ');
          const left = 4 + (92 * (days[index]! - first)) / span;
          return (
            <li
              key={event.id}
              style={{ left: `${left}%`, top: `${8 + (index % 3) * 30}px` }}
              className={`timeline-event confidence-${event.confidence}${left > 70 ? ' label-before' : ''}`}
            >
              <button
                type="button"
                onClick={() => onPick(event.id)}
                title={`${event.kind}, reported ${formatDay(event.reportedOn, event.reportedOnPrecision)}`}
              >
                <span className="timeline-marker" style={{ borderColor: EDGE_STYLES[event.confidence].colour }} aria-hidden="true" />
                {partners} <span className="muted">{formatDay(placedOn(event), event.startedOn ? event.startedOnPrecision : 'DAY')}</span>
                <span className="visually-hidden">, {EDGE_STYLES[event.confidence].meaning}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="timeline-years" aria-hidden="true">
        {years.map((year) => (
          <span key={year} style={{ left: `${Math.max(0, 4 + (92 * (dayNumber(`${year}-01-01`) - first)) / span)}%` }}>
            {year}
          </span>
        ))}
      </div>
    </div>
  );
}
