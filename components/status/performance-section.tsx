// The last hour and the last day: the share of requests that succeeded, and response times as a
// sentence, a chart (with JavaScript) and an hourly table (always).
import type { StatusSnapshot } from "@/lib/status/status-types";
import { lastHourDetail, lastHourSentence } from "./last-hour";
import { ResponseTimeChart } from "./response-time-chart";
import { measuredHours, ms, responseTimeChartData, responseTimeSentence } from "./response-times";
import { formatStatusTime } from "@/lib/status/status-labels";

const DAY = 86_400_000;

export function PerformanceSection({ snapshot }: { snapshot: StatusSnapshot }) {
  const { lastHour, responseTimes, page } = snapshot;
  const hours = measuredHours(responseTimes);
  const end = Date.parse(snapshot.generatedAt);
  const detail = lastHourDetail(lastHour);
  return (
    <section className="status-section" aria-labelledby="performance-title">
      <h2 className="status-section__title" id="performance-title">
        Performance
      </h2>
      <div className="status-card performance">
        <p className="last-hour" data-testid="last-hour">
          <span className="last-hour__sentence">{lastHourSentence(lastHour)}</span>
          {detail ? <span className="last-hour__detail"> {detail}</span> : null}
        </p>
        <p className="response-sentence" data-testid="response-sentence">
          {responseTimeSentence(responseTimes)}
        </p>
        {hours.length ? (
          <>
            {/* Without JavaScript there is no chart to draw: its space is given back. */}
            <noscript>
              <style>{".response-chart{display:none}"}</style>
            </noscript>
            <ResponseTimeChart
              data={responseTimeChartData(responseTimes)}
              timeZone={page.timeZone}
              domain={[end - DAY, end]}
            />
            <details className="response-table">
              <summary>Response times by hour</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Hour from</th>
                    <th scope="col">Median</th>
                    <th scope="col">95th percentile</th>
                  </tr>
                </thead>
                <tbody>
                  {hours.map((hour) => (
                    <tr key={hour.at}>
                      <td>{formatStatusTime(hour.at, page.timeZone)}</td>
                      <td className="numeric">{hour.p50 === null ? "—" : ms(hour.p50)}</td>
                      <td className="numeric">{hour.p95 === null ? "—" : ms(hour.p95)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : null}
      </div>
    </section>
  );
}
